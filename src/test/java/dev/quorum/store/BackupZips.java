package dev.quorum.store;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds backup zips by hand, as someone could who did not use Quorum to make them. */
final class BackupZips {

    private BackupZips() {
    }

    /** A well-formed backup zip of a closed store's files, with a correct manifest. */
    static Path fromStoreFiles(Path store, Path zip) throws Exception {
        byte[] db = Files.readAllBytes(store.resolve("quorum.mv.db"));
        byte[] credentials = Files.readAllBytes(store.resolve("quorum.credentials"));
        return write(zip, db, credentials, manifest(db, credentials));
    }

    static Properties manifest(byte[] db, byte[] credentials) throws Exception {
        Properties m = new Properties();
        m.setProperty("format", "quorum-store-backup");
        m.setProperty("format_version", "1");
        m.setProperty("made_at", "2026-01-01T00:00:00Z");
        m.setProperty("schema_version", "1");
        m.setProperty("database_bytes", Long.toString(db.length));
        m.setProperty("database_sha256", sha(db));
        m.setProperty("credentials_sha256", sha(credentials));
        return m;
    }

    static Path write(Path zip, byte[] db, byte[] credentials, Properties manifest) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("quorum.mv.db"));
            out.write(db);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("quorum.credentials"));
            out.write(credentials);
            out.closeEntry();
            StringWriter text = new StringWriter();
            manifest.store(text, null);
            out.putNextEntry(new ZipEntry("manifest.properties"));
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        return zip;
    }

    static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
