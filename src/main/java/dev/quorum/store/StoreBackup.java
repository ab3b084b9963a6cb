package dev.quorum.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Backup zips and restores. A backup is H2's {@code BACKUP TO} copy of the database file, which is
 * transactionally consistent while others keep saving, plus the credentials and a manifest with the
 * SHA-256 of each file. A restore unpacks into a new folder beside the store, checks the checksums,
 * inspects and opens the copy and verifies every revision, and only then swaps it in, keeping the replaced
 * store as {@code *.before-restore-TIME}. A marker file makes an interrupted swap finish at the next open.
 */
public final class StoreBackup {

    static final String MANIFEST = "manifest.properties";
    static final String DATABASE = StoreLocation.DATABASE_NAME + ".mv.db";
    static final String CREDENTIALS = "quorum.credentials";
    static final String FORMAT = "quorum-store-backup";
    private static final Set<String> ENTRIES = Set.of(MANIFEST, DATABASE, CREDENTIALS);
    /** No Quorum store comes near this; a bigger entry is a damaged or hostile zip. */
    private static final long MAX_DATABASE_BYTES = 64L << 30;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** What a restore brought back, and where the replaced store went (null when there was none). */
    public record RestoreReport(StoreIntegrity restored, Path replacedStore) {
    }

    private StoreBackup() {
    }

    // ---------------------------------------------------------------- backup

    static void write(Connection admin, StoreLocation location, Path target, Instant now) throws StoreException {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            throw new StoreException("Cannot write the backup to " + out + ": the file already exists");
        }
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new StoreException("Cannot write the backup to " + out + ": the folder " + parent + " does not exist");
        }
        Path work = null;
        Path partial = null;
        try {
            work = Files.createTempDirectory(location.directory(), "backup-");
            Path h2zip = work.resolve("h2-backup.zip");
            // The file name is a parameter, not SQL text; BACKUP needs admin rights.
            try (PreparedStatement ps = admin.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, h2zip.toString());
                ps.execute();
            }
            int schema = Migrations.version(admin);
            partial = Files.createTempFile(parent, "." + out.getFileName() + "-", ".partial");
            writeZip(h2zip, location, partial, now, schema);
            force(partial);
            move(partial, out);
            partial = null;
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, "back up the store");
        } catch (IOException e) {
            throw StoreErrors.io(e, "write the backup to " + out);
        } finally {
            deleteQuietly(partial);
            deleteTree(work);
        }
    }

    private static void writeZip(Path h2zip, StoreLocation location, Path target, Instant now, int schema) throws IOException {
        MessageDigest db = sha();
        long bytes = 0;
        try (ZipFile source = new ZipFile(h2zip.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            ZipEntry entry = source.getEntry(DATABASE);
            if (entry == null) {
                throw new IOException("H2 wrote no " + DATABASE + " into its backup");
            }
            zip.putNextEntry(new ZipEntry(DATABASE));
            try (InputStream in = new DigestInputStream(source.getInputStream(entry), db)) {
                bytes = in.transferTo(zip);
            }
            zip.closeEntry();
            byte[] credentials = Files.readAllBytes(location.credentialsFile());
            zip.putNextEntry(new ZipEntry(CREDENTIALS));
            zip.write(credentials);
            zip.closeEntry();
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("format_version", "1");
            manifest.setProperty("made_at", now.toString());
            manifest.setProperty("h2_version", H2Access.version());
            manifest.setProperty("schema_version", Integer.toString(schema));
            manifest.setProperty("database_bytes", Long.toString(bytes));
            manifest.setProperty("database_sha256", HexFormat.of().formatHex(db.digest()));
            manifest.setProperty("credentials_sha256", HexFormat.of().formatHex(sha().digest(credentials)));
            StringWriter text = new StringWriter();
            manifest.store(text, "Quorum store backup");
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
    }

    // ---------------------------------------------------------------- restore

    /**
     * Replaces the store at {@code location} with the backup in {@code zip}. A store that holds projects is
     * replaced only with {@code force}; a backup that is empty, damaged, fails its checksums, holds foreign
     * code or does not open never replaces anything.
     */
    public static RestoreReport restore(StoreLocation location, Path zip, boolean force) throws StoreException {
        Path source = zip.toAbsolutePath().normalize();
        Properties manifest = readManifest(source);
        finishInterruptedRestore(location);
        Path work = null;
        try {
            Files.createDirectories(location.directory());
            work = Files.createTempDirectory(location.directory(), "restore-");
            unpack(source, manifest, work);
            StoreIntegrity restored;
            try (H2ProjectRepository copy = H2ProjectRepository.open(new StoreLocation(work))) {
                restored = copy.verify();
            } catch (StoreException e) {
                throw new StoreException("The backup " + source + " was not restored: " + e.getMessage(), e);
            }
            if (!restored.problems().isEmpty()) {
                throw new StoreException("The backup " + source + " was not restored: " + restored.problems().get(0));
            }
            if (Files.exists(location.databaseFile())) {
                refuseToReplace(location, force);
            }
            Path replaced = swap(location, work, Instant.now());
            work = null;
            return new RestoreReport(restored, replaced);
        } catch (IOException e) {
            throw StoreErrors.io(e, "restore " + source + " into " + location);
        } finally {
            deleteTree(work);
        }
    }

    private static void refuseToReplace(StoreLocation location, boolean force) throws StoreException {
        int projects;
        try (H2ProjectRepository existing = H2ProjectRepository.open(location)) {
            if (!existing.ownsStore()) {
                throw StoreErrors.locked(location, null);
            }
            StoreInfo info = existing.info();
            projects = info.liveProjects() + info.trashedProjects();
        } catch (StoreLockedException e) {
            throw new StoreLockedException("Cannot restore: " + e.getMessage());
        } catch (StoreException e) {
            if (!force) {
                throw new StoreException("The store at " + location + " cannot be opened (" + e.getMessage()
                        + "); run the restore with --force to replace it (it is kept as quorum.mv.db.before-restore-TIME)");
            }
            return;
        }
        if (projects > 0 && !force) {
            throw new StoreException("The store at " + location + " holds " + projects + (projects == 1 ? " project" : " projects")
                    + "; restoring would replace them. Run again with --force (the current store is kept as"
                    + " quorum.mv.db.before-restore-TIME)");
        }
    }

    private static Properties readManifest(Path zip) throws StoreException {
        if (!Files.isRegularFile(zip)) {
            throw new StoreException("Cannot restore " + zip + ": no such file");
        }
        try {
            if (Files.size(zip) == 0) {
                throw new StoreException("Cannot restore " + zip + ": the file is empty");
            }
        } catch (IOException e) {
            throw StoreErrors.io(e, "read " + zip);
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            var entries = file.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                count++;
                if (e.isDirectory() || !ENTRIES.contains(e.getName())) {
                    throw new StoreException("Cannot restore " + zip + ": it holds '" + e.getName()
                            + "', which a Quorum backup never contains");
                }
            }
            if (count != ENTRIES.size()) {
                throw new StoreException("Cannot restore " + zip + ": it is not a complete Quorum backup (expected "
                        + String.join(", ", ENTRIES.stream().sorted().toList()) + ")");
            }
            ZipEntry entry = file.getEntry(MANIFEST);
            Properties manifest = new Properties();
            try (InputStream in = file.getInputStream(entry)) {
                manifest.load(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1)));
            }
            if (!FORMAT.equals(manifest.getProperty("format")) || !"1".equals(manifest.getProperty("format_version"))) {
                throw new StoreException("Cannot restore " + zip + ": its manifest is not that of a Quorum backup (format 1)");
            }
            long bytes = Long.parseLong(manifest.getProperty("database_bytes", "-1"));
            if (bytes <= 0 || bytes > MAX_DATABASE_BYTES
                    || !manifest.getProperty("database_sha256", "").matches("[0-9a-f]{64}")
                    || !manifest.getProperty("credentials_sha256", "").matches("[0-9a-f]{64}")) {
                throw new StoreException("Cannot restore " + zip + ": its manifest is damaged");
            }
            return manifest;
        } catch (ZipException e) {
            throw new StoreException("Cannot restore " + zip + ": it is not a zip file, or it is damaged");
        } catch (NumberFormatException e) {
            throw new StoreException("Cannot restore " + zip + ": its manifest is damaged");
        } catch (IOException e) {
            throw StoreErrors.io(e, "read " + zip);
        }
    }

    private static void unpack(Path zip, Properties manifest, Path work) throws IOException, StoreException {
        long bytes = Long.parseLong(manifest.getProperty("database_bytes"));
        if (Files.getFileStore(work).getUsableSpace() < bytes + (16L << 20)) {
            throw new StoreException("Cannot restore " + zip + ": the disk holding " + work.getParent()
                    + " has too little free space for its " + (bytes >> 20) + " MB");
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            extract(file, DATABASE, work.resolve(DATABASE), bytes, manifest.getProperty("database_sha256"), zip);
            extract(file, CREDENTIALS, work.resolve(CREDENTIALS), 64 * 1024, manifest.getProperty("credentials_sha256"), zip);
        }
    }

    private static void extract(ZipFile file, String name, Path target, long maxBytes, String expectedSha, Path zip)
            throws IOException, StoreException {
        MessageDigest digest = sha();
        long copied;
        try (InputStream in = file.getInputStream(file.getEntry(name));
                OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), digest)) {
            byte[] buffer = new byte[64 * 1024];
            copied = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                copied += n;
                if (copied > maxBytes) {
                    throw new StoreException("Cannot restore " + zip + ": " + name + " is larger than its manifest says");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException e) {
            throw new StoreException("Cannot restore " + zip + ": " + name + " is damaged inside the zip");
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(expectedSha)) {
            throw new StoreException("Cannot restore " + zip + ": " + name + " does not match its checksum; the backup is damaged");
        }
        force(target);
    }

    /** Moves the verified copy in and the old store aside; the marker lets a crash in between be finished. */
    private static Path swap(StoreLocation location, Path work, Instant now) throws IOException {
        Path marker = location.restoreMarker();
        Files.writeString(marker, work.getFileName().toString() + "\n" + STAMP.format(now) + "\n", StandardCharsets.UTF_8);
        force(marker);
        Path replaced = completeSwap(location, work, STAMP.format(now));
        Files.delete(marker);
        deleteTree(work);
        return replaced;
    }

    private static Path completeSwap(StoreLocation location, Path work, String stamp) throws IOException {
        Path replaced = null;
        Path newDb = work.resolve(DATABASE);
        if (Files.exists(newDb)) {
            if (Files.exists(location.databaseFile())) {
                replaced = location.directory().resolve(DATABASE + ".before-restore-" + stamp);
                move(location.databaseFile(), replaced);
                Path oldCredentials = location.credentialsFile();
                if (Files.exists(oldCredentials)) {
                    move(oldCredentials, location.directory().resolve(CREDENTIALS + ".before-restore-" + stamp));
                }
            }
            Files.deleteIfExists(location.ownerFile());
            move(work.resolve(CREDENTIALS), location.credentialsFile());
            move(newDb, location.databaseFile());
        } else if (Files.exists(work.resolve(CREDENTIALS))) {
            move(work.resolve(CREDENTIALS), location.credentialsFile());
        }
        return replaced;
    }

    /** Finishes a restore whose swap was interrupted; called before every open. */
    static void finishInterruptedRestore(StoreLocation location) throws StoreException {
        Path marker = location.restoreMarker();
        if (!Files.exists(marker)) {
            return;
        }
        try {
            String[] lines = Files.readString(marker, StandardCharsets.UTF_8).split("\n");
            String folder = lines[0].strip();
            if (!folder.matches("restore-[0-9A-Za-z_-]+") || lines.length < 2) {
                throw new StoreException("Cannot open the store at " + location + ": " + marker.getFileName()
                        + " is damaged; check the folder by hand (see docs/reliability.md)");
            }
            Path work = location.directory().resolve(folder);
            completeSwap(location, work, lines[1].strip());
            Files.delete(marker);
            deleteTree(work);
        } catch (IOException e) {
            throw StoreErrors.io(e, "finish the interrupted restore in " + location);
        }
    }

    // ---------------------------------------------------------------- files

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(to + " already exists", e);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is harmless.
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(StoreBackup::deleteQuietly);
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
