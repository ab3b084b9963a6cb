package dev.quorum.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The H2 implementation of {@link ProjectRepository}. Normal work runs as the non-admin app user through a
 * small pool; the admin connection runs only fixed statements (migrations, {@code CHECKPOINT SYNC} after
 * each write, {@code BACKUP TO}). Every write is one transaction, committed with WRITE_DELAY=0 and then
 * synced to the device before the method returns, so an acknowledged save survives kill -9 and power loss.
 */
public final class H2ProjectRepository implements ProjectRepository {

    /** How long an autosave revision keeps absorbing later autosaves before a new one starts. */
    public static final Duration DEFAULT_COALESCE_WINDOW = Duration.ofMinutes(15);

    private static final String PROJECT_COLUMNS = "project_id, name, created_at, updated_at, row_version, revision_count,"
            + " deleted_at, error_count, warning_count, info_count";
    private static final String REVISION_COLUMNS = "revision_no, created_at, saved_at, author, message, is_autosave,"
            + " content_sha256, content_chars";

    private final StoreLocation location;
    private final H2Access.Mode mode;
    private final Connection admin;
    private final JdbcConnectionPool pool;
    private final Clock clock;
    private final Duration coalesceWindow;
    private final boolean owner;
    private final Object adminLock = new Object();
    private volatile boolean closed;

    private H2ProjectRepository(StoreLocation location, H2Access.Mode mode, Connection admin, JdbcConnectionPool pool,
            Clock clock, Duration coalesceWindow, boolean owner) {
        this.location = location;
        this.mode = mode;
        this.admin = admin;
        this.pool = pool;
        this.clock = clock;
        this.coalesceWindow = coalesceWindow;
        this.owner = owner;
    }

    /** Opens (creating if needed) the store at {@code location}. */
    public static H2ProjectRepository open(StoreLocation location) throws StoreException {
        return open(location, Clock.systemUTC(), DEFAULT_COALESCE_WINDOW);
    }

    /** Opens the store with a clock and an autosave coalescing window, for tests. */
    public static H2ProjectRepository open(StoreLocation location, Clock clock, Duration coalesceWindow) throws StoreException {
        return open(location, new Options(clock, coalesceWindow, false, H2Access.FILE_SCHEME));
    }

    /**
     * How to open a store. Besides the clock and window, tests can force read-only mode (root can write to
     * any directory, so permissions cannot make one read-only in a test run as root) and name an H2 file
     * system that simulates a full disk.
     */
    record Options(Clock clock, Duration coalesceWindow, boolean forceReadOnly, String scheme) {
    }

    static H2ProjectRepository open(StoreLocation location, Options options) throws StoreException {
        Clock clock = options.clock();
        Duration coalesceWindow = options.coalesceWindow();
        String scheme = options.scheme();
        H2Access.hardened();
        H2Access.register();
        StoreBackup.finishInterruptedRestore(location);
        Path dir = location.directory();
        Path db = location.databaseFile();
        boolean exists = Files.isRegularFile(db);
        boolean readOnly = options.forceReadOnly()
                || Files.isDirectory(dir) && (!Files.isWritable(dir) || exists && !Files.isWritable(db));
        if (!exists && readOnly) {
            throw new StoreReadOnlyException("There is no store at " + location + " and the directory cannot be written,"
                    + " so none can be created; choose another with --store DIR");
        }
        StoreCredentials credentials = exists ? StoreCredentials.read(location.credentialsFile()) : create(location);
        if (exists) {
            // Before H2 opens the file: opening would already run a trigger's Java source.
            StoreFileInspector.inspect(scheme.equals(H2Access.FILE_SCHEME) ? db.toString() : scheme + ":" + db);
        }
        H2Access.Mode mode = readOnly ? H2Access.Mode.READ_ONLY
                : H2Access.hardened() ? H2Access.Mode.SHARED : H2Access.Mode.EXCLUSIVE;
        Connection admin;
        try {
            admin = H2Access.connect(H2Access.adminUrl(location, scheme, mode), credentials.adminUser(), credentials.adminPassword());
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, "open the store");
        }
        JdbcConnectionPool pool = null;
        try {
            SchemaGuard.verify(admin, location);
            if (readOnly) {
                int version = Migrations.version(admin);
                if (version != Migrations.LATEST) {
                    throw new StoreReadOnlyException("The store at " + location + " is read-only and has schema version "
                            + version + "; open it once where it can be written so that Quorum can update it");
                }
            } else {
                Migrations.migrate(admin, location, H2Access.adminUrl(location, scheme, mode), credentials);
                ensureAppUser(admin, credentials);
            }
            org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
            source.setURL(H2Access.appUrl(location, scheme, mode));
            source.setUser(credentials.appUser());
            source.setPassword(credentials.appPassword());
            pool = JdbcConnectionPool.create(source);
            pool.setMaxConnections(4);
            try (Connection probe = pool.getConnection()) {
                probe.isValid(1);
            }
            boolean embedded = admin.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal;
            boolean owner = embedded;
            if (owner && mode == H2Access.Mode.SHARED) {
                try {
                    StoreOwner.current().write(location.ownerFile());
                } catch (IOException e) {
                    // Only messages to other processes quote this file; the store works without it.
                }
            }
            return new H2ProjectRepository(location, mode, admin, pool, clock, coalesceWindow, owner);
        } catch (SQLException e) {
            closeQuietly(admin, pool);
            throw StoreErrors.translate(e, location, "open the store");
        } catch (StoreException | RuntimeException e) {
            closeQuietly(admin, pool);
            throw e;
        }
    }

    private static StoreCredentials create(StoreLocation location) throws StoreException {
        Path dir = location.directory();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // Not POSIX: the folder inherits the user profile's protection.
                }
            }
            if (Files.isRegularFile(location.credentialsFile())) {
                return StoreCredentials.read(location.credentialsFile());
            }
            StoreCredentials credentials = StoreCredentials.generate();
            credentials.write(location.credentialsFile());
            return credentials;
        } catch (AccessDeniedException e) {
            throw new StoreReadOnlyException("Cannot create a store at " + location + ": permission denied; choose another"
                    + " directory with --store DIR");
        } catch (IOException e) {
            throw StoreErrors.io(e, "create a store at " + location);
        }
    }

    private static void ensureAppUser(Connection admin, StoreCredentials credentials) throws SQLException {
        boolean exists;
        boolean isAdmin = false;
        try (PreparedStatement ps = admin.prepareStatement("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
            ps.setString(1, credentials.appUser());
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
                if (exists) {
                    isAdmin = rs.getBoolean(1);
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            // Names are constants and the password is generated hex, so no outside text reaches this SQL.
            if (!exists) {
                s.execute("CREATE USER " + credentials.appUser() + " PASSWORD '" + credentials.appPassword() + "'");
                s.execute("GRANT " + StoreCredentials.APP_ROLE + " TO " + credentials.appUser());
            } else {
                s.execute("ALTER USER " + credentials.appUser() + " SET PASSWORD '" + credentials.appPassword() + "'");
                if (isAdmin) {
                    s.execute("ALTER USER " + credentials.appUser() + " ADMIN FALSE");
                }
            }
        }
    }

    private static void closeQuietly(Connection admin, JdbcConnectionPool pool) {
        if (pool != null) {
            pool.dispose();
        }
        try {
            admin.close();
        } catch (SQLException e) {
            // Already failing; the first error is the one reported.
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public SaveResult create(String name, RevisionDraft first) throws StoreException {
        String clean = projectName(name);
        return write("create project '" + clean + "'", c -> {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO projects (" + PROJECT_COLUMNS
                    + ", current_revision_id) VALUES (?, ?, ?, ?, 1, 0, NULL, ?, ?, ?, NULL)")) {
                ps.setObject(1, id);
                ps.setString(2, clean);
                ps.setObject(3, timestamp(now));
                ps.setObject(4, timestamp(now));
                setFindings(ps, 5, first.findings());
                ps.executeUpdate();
            }
            RevisionInfo revision = insertRevision(c, id, 1, first, now);
            return new SaveResult(project(c, id), revision, false);
        });
    }

    /** A project name as stored: trimmed, one line, at most 200 characters, not empty. */
    static String projectName(String name) throws StoreException {
        String clean = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        if (clean.isEmpty()) {
            throw new StoreException("A project needs a name");
        }
        return clean.length() <= 200 ? clean : clean.substring(0, 200);
    }

    @Override
    public SaveResult save(UUID project, long expectedVersion, RevisionDraft draft) throws StoreException {
        return write("save project " + project, c -> {
            Instant now = clock.instant();
            lockVersion(c, project, expectedVersion, now);
            long currentId;
            int count;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT current_revision_id, revision_count FROM projects WHERE project_id = ?")) {
                ps.setObject(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    currentId = rs.getLong(1);
                    count = rs.getInt(2);
                }
            }
            RevisionInfo revision = draft.autosave() ? coalesce(c, currentId, draft, now) : null;
            boolean coalesced = revision != null;
            if (!coalesced) {
                revision = insertRevision(c, project, count + 1, draft, now);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE projects SET error_count = ?, warning_count = ?, info_count = ? WHERE project_id = ?")) {
                setFindings(ps, 1, draft.findings());
                ps.setObject(4, project);
                ps.executeUpdate();
            }
            return new SaveResult(project(c, project), revision, coalesced);
        });
    }

    /**
     * Takes the project's row lock by bumping its version where it still has the expected one. Under MVCC a
     * concurrent writer of the same row waits here and then finds the version changed, so exactly one wins.
     */
    private void lockVersion(Connection c, UUID project, long expectedVersion, Instant now) throws SQLException, StoreException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET row_version = row_version + 1, updated_at = ?"
                + " WHERE project_id = ? AND row_version = ? AND deleted_at IS NULL")) {
            ps.setObject(1, timestamp(now));
            ps.setObject(2, project);
            ps.setLong(3, expectedVersion);
            try {
                updated = ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() != org.h2.api.ErrorCode.CONCURRENT_UPDATE_1) {
                    throw e;
                }
                updated = 0;
            }
        }
        if (updated == 0) {
            c.rollback();
            ProjectSummary current = find(c, project);
            if (current.deleted()) {
                throw new StoreException("Project '" + current.name() + "' is in the trash; restore it before saving (quorum projects undelete)");
            }
            throw new StoreConflictException(project, current.name(), expectedVersion, current.version());
        }
    }

    /** Rewrites the current revision in place when it is an autosave still inside the window; else null. */
    private RevisionInfo coalesce(Connection c, long currentId, RevisionDraft draft, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT is_autosave, created_at FROM revisions WHERE revision_id = ?")) {
            ps.setLong(1, currentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1) || !instant(rs, 2).plus(coalesceWindow).isAfter(now)) {
                    return null;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE revisions SET content_yaml = ?, content_sha256 = ?,"
                + " content_chars = ?, saved_at = ?, author = ?, message = ? WHERE revision_id = ? AND is_autosave")) {
            ps.setString(1, draft.yaml());
            ps.setString(2, sha256(draft.yaml()));
            ps.setInt(3, draft.yaml().length());
            ps.setObject(4, timestamp(now));
            ps.setString(5, draft.author());
            ps.setString(6, draft.message());
            ps.setLong(7, currentId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS + " FROM revisions WHERE revision_id = ?")) {
            ps.setLong(1, currentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return revisionInfo(rs);
            }
        }
    }

    private RevisionInfo insertRevision(Connection c, UUID project, int number, RevisionDraft draft, Instant now)
            throws SQLException {
        String sha = sha256(draft.yaml());
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO revisions (project_id, revision_no, created_at, saved_at,"
                + " author, message, is_autosave, content_yaml, content_sha256, content_chars)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, project);
            ps.setInt(2, number);
            ps.setObject(3, timestamp(now));
            ps.setObject(4, timestamp(now));
            ps.setString(5, draft.author());
            ps.setString(6, draft.message());
            ps.setBoolean(7, draft.autosave());
            ps.setString(8, draft.yaml());
            ps.setString(9, sha);
            ps.setInt(10, draft.yaml().length());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET current_revision_id = ?, revision_count = ?"
                + " WHERE project_id = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, number);
            ps.setObject(3, project);
            ps.executeUpdate();
        }
        return new RevisionInfo(number, now, now, draft.author(), draft.message(), draft.autosave(), sha, draft.yaml().length());
    }

    @Override
    public SaveResult restoreRevision(UUID project, long expectedVersion, int number, String author) throws StoreException {
        Revision old = revision(project, number);
        return save(project, expectedVersion, RevisionDraft.save(old.yaml(), author, "Restored revision " + number, null));
    }

    @Override
    public ProjectSummary rename(UUID project, String name) throws StoreException {
        String clean = projectName(name);
        return write("rename project " + project, c -> {
            ProjectSummary p = find(c, project);
            if (p.deleted()) {
                throw new StoreException("Project '" + p.name() + "' is in the trash; restore it before renaming it");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET name = ? WHERE project_id = ?")) {
                ps.setString(1, clean);
                ps.setObject(2, project);
                ps.executeUpdate();
            }
            return project(c, project);
        });
    }

    @Override
    public ProjectSummary delete(UUID project) throws StoreException {
        return write("delete project " + project, c -> {
            ProjectSummary p = find(c, project);
            if (p.deleted()) {
                throw new StoreException("Project '" + p.name() + "' is already in the trash");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET deleted_at = ?, row_version = row_version + 1"
                    + " WHERE project_id = ? AND deleted_at IS NULL")) {
                ps.setObject(1, timestamp(clock.instant()));
                ps.setObject(2, project);
                ps.executeUpdate();
            }
            return project(c, project);
        });
    }

    @Override
    public ProjectSummary undelete(UUID project) throws StoreException {
        return write("restore project " + project + " from the trash", c -> {
            ProjectSummary p = find(c, project);
            if (!p.deleted()) {
                throw new StoreException("Project '" + p.name() + "' is not in the trash");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET deleted_at = NULL, row_version = row_version + 1,"
                    + " updated_at = ? WHERE project_id = ? AND deleted_at IS NOT NULL")) {
                ps.setObject(1, timestamp(clock.instant()));
                ps.setObject(2, project);
                ps.executeUpdate();
            }
            return project(c, project);
        });
    }

    @Override
    public void purge(UUID project) throws StoreException {
        write("purge project " + project, c -> {
            ProjectSummary p = find(c, project);
            if (!p.deleted()) {
                throw new StoreException("Project '" + p.name() + "' is not in the trash; delete it first, then purge it");
            }
            purgeRow(c, project);
            return null;
        });
    }

    private static void purgeRow(Connection c, UUID project) throws SQLException {
        for (String sql : List.of("UPDATE projects SET current_revision_id = NULL WHERE project_id = ?",
                "DELETE FROM revisions WHERE project_id = ?",
                "DELETE FROM projects WHERE project_id = ? AND deleted_at IS NOT NULL")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, project);
                ps.executeUpdate();
            }
        }
    }

    @Override
    public int emptyTrash() throws StoreException {
        return write("empty the trash", c -> {
            List<UUID> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT project_id FROM projects WHERE deleted_at IS NOT NULL")) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            for (UUID id : ids) {
                purgeRow(c, id);
            }
            return ids.size();
        });
    }

    @Override
    public String setting(String key) throws StoreException {
        return read("read setting " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM store_settings WHERE setting_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Override
    public void putSetting(String key, String value) throws StoreException {
        write("write setting " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO store_settings (setting_key, setting_value) KEY (setting_key)"
                    + " VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<ProjectSummary> list() throws StoreException {
        return projects("list projects", "deleted_at IS NULL ORDER BY updated_at DESC, name");
    }

    @Override
    public List<ProjectSummary> trash() throws StoreException {
        return projects("list the trash", "deleted_at IS NOT NULL ORDER BY deleted_at DESC, name");
    }

    private List<ProjectSummary> projects(String action, String whereAndOrder) throws StoreException {
        return read(action, c -> {
            List<ProjectSummary> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + PROJECT_COLUMNS + " FROM projects WHERE " + whereAndOrder)) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        });
    }

    @Override
    public ProjectSummary find(UUID project) throws StoreException {
        return read("read project " + project, c -> find(c, project));
    }

    private static ProjectSummary find(Connection c, UUID project) throws SQLException, ProjectNotFoundException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PROJECT_COLUMNS + " FROM projects WHERE project_id = ?")) {
            ps.setObject(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ProjectNotFoundException("No project with id " + project);
                }
                return summary(rs);
            }
        }
    }

    private static ProjectSummary project(Connection c, UUID project) throws SQLException, ProjectNotFoundException {
        return find(c, project);
    }

    @Override
    public List<RevisionInfo> history(UUID project) throws StoreException {
        return read("read the history of project " + project, c -> {
            find(c, project);
            List<RevisionInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS + " FROM revisions WHERE project_id = ?"
                    + " ORDER BY revision_no DESC")) {
                ps.setObject(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(revisionInfo(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Revision current(UUID project) throws StoreException {
        return read("read project " + project, c -> {
            ProjectSummary p = find(c, project);
            return revision(c, p, p.revisionCount());
        });
    }

    @Override
    public Revision revision(UUID project, int number) throws StoreException {
        return read("read revision " + number + " of project " + project, c -> revision(c, find(c, project), number));
    }

    private static Revision revision(Connection c, ProjectSummary p, int number) throws SQLException, ProjectNotFoundException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS + ", content_yaml FROM revisions"
                + " WHERE project_id = ? AND revision_no = ?")) {
            ps.setObject(1, p.id());
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ProjectNotFoundException("Project '" + p.name() + "' has no revision " + number
                            + " (it has " + p.revisionCount() + ")");
                }
                return new Revision(p, revisionInfo(rs), rs.getString(9));
            }
        }
    }

    @Override
    public StoreInfo info() throws StoreException {
        return read("read the store's state", c -> {
            int live;
            int trashed;
            long revisions;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FILTER (WHERE deleted_at IS NULL),"
                            + " COUNT(*) FILTER (WHERE deleted_at IS NOT NULL), (SELECT COUNT(*) FROM revisions) FROM projects")) {
                rs.next();
                live = rs.getInt(1);
                trashed = rs.getInt(2);
                revisions = rs.getLong(3);
            }
            int version;
            synchronized (adminLock) {
                version = Migrations.version(admin);
            }
            long bytes;
            try {
                bytes = Files.size(location.databaseFile());
            } catch (IOException e) {
                bytes = -1;
            }
            return new StoreInfo(location, readOnly(), mode == H2Access.Mode.SHARED, version, live, trashed, revisions, bytes);
        });
    }

    @Override
    public void backup(Path target) throws StoreException {
        checkOpen();
        synchronized (adminLock) {
            StoreBackup.write(admin, location, target, clock.instant());
        }
    }

    @Override
    public boolean readOnly() {
        return mode == H2Access.Mode.READ_ONLY;
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    /**
     * True when this process holds the database file itself; false when it reached the store through
     * another Quorum process's AUTO_SERVER.
     */
    public boolean ownsStore() {
        return owner;
    }

    @Override
    public StoreIntegrity verify() throws StoreException {
        return read("verify the store", c -> {
            List<String> problems = new ArrayList<>();
            int live = 0;
            int trashed = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT p.name, p.revision_count, p.deleted_at IS NOT NULL,"
                            + " (SELECT COUNT(*) FROM revisions r WHERE r.project_id = p.project_id),"
                            + " (SELECT MAX(r.revision_no) FROM revisions r WHERE r.project_id = p.project_id),"
                            + " (SELECT r.revision_no FROM revisions r WHERE r.revision_id = p.current_revision_id"
                            + " AND r.project_id = p.project_id) FROM projects p")) {
                while (rs.next()) {
                    if (rs.getBoolean(3)) {
                        trashed++;
                    } else {
                        live++;
                    }
                    int count = rs.getInt(2);
                    if (rs.getInt(4) != count || rs.getInt(5) != count || rs.getInt(6) != count || count < 1) {
                        problems.add("project '" + rs.getString(1) + "' records " + count + " revisions but has "
                                + rs.getInt(4) + " (newest " + rs.getInt(5) + ", current " + rs.getInt(6) + ")");
                    }
                }
            }
            long revisions = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT p.name, r.revision_no, r.content_sha256, r.content_chars,"
                            + " r.content_yaml FROM revisions r JOIN projects p ON p.project_id = r.project_id")) {
                while (rs.next()) {
                    revisions++;
                    String yaml = rs.getString(5);
                    if (!sha256(yaml).equals(rs.getString(3)) || yaml.length() != rs.getInt(4)) {
                        problems.add("revision " + rs.getInt(2) + " of project '" + rs.getString(1)
                                + "' does not match its checksum");
                    }
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM revisions r WHERE NOT EXISTS"
                            + " (SELECT 1 FROM projects p WHERE p.project_id = r.project_id)")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    problems.add(rs.getLong(1) + " revisions belong to no project");
                }
            }
            return new StoreIntegrity(live, trashed, revisions, problems);
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.dispose();
        synchronized (adminLock) {
            try {
                admin.close();
            } catch (SQLException e) {
                // Closing a store that already failed; nothing more to lose.
            }
        }
        if (owner && mode == H2Access.Mode.SHARED) {
            try {
                Files.deleteIfExists(location.ownerFile());
            } catch (IOException e) {
                // A stale owner file is harmless: messages check that the process still runs.
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** Work done in one transaction on an app connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, StoreException;
    }

    private <T> T read(String action, Work<T> work) throws StoreException {
        checkOpen();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
    }

    private <T> T write(String action, Work<T> work) throws StoreException {
        checkOpen();
        if (readOnly()) {
            throw new StoreReadOnlyException("Cannot " + action + ": the store at " + location
                    + " is open read-only because its directory or file cannot be written");
        }
        T result;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | StoreException | RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(e, location, action);
        }
        sync(action);
        return result;
    }

    /** Forces the committed write to the device, so that it survives power loss as well as kill -9. */
    private void sync(String action) throws StoreException {
        synchronized (adminLock) {
            try (Statement s = admin.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw StoreErrors.translate(e, location, action + " (the change was committed but not confirmed on disk)");
            }
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The original error is what matters; H2 discards an unfinished transaction anyway.
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // The pool discards a connection that cannot be reset.
        }
    }

    private void checkOpen() throws StoreException {
        if (closed) {
            throw new StoreException("The store at " + location + " is closed");
        }
    }

    private static ProjectSummary summary(ResultSet rs) throws SQLException {
        Integer errors = (Integer) rs.getObject(8);
        Integer warnings = (Integer) rs.getObject(9);
        Integer infos = (Integer) rs.getObject(10);
        FindingCounts findings = errors == null || warnings == null || infos == null ? null
                : new FindingCounts(errors, warnings, infos);
        return new ProjectSummary(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getLong(5),
                rs.getInt(6), instantOrNull(rs, 7), findings);
    }

    private static RevisionInfo revisionInfo(ResultSet rs) throws SQLException {
        return new RevisionInfo(rs.getInt(1), instant(rs, 2), instant(rs, 3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getString(7), rs.getInt(8));
    }

    private static void setFindings(PreparedStatement ps, int first, FindingCounts findings) throws SQLException {
        if (findings == null) {
            ps.setNull(first, Types.INTEGER);
            ps.setNull(first + 1, Types.INTEGER);
            ps.setNull(first + 2, Types.INTEGER);
        } else {
            ps.setInt(first, findings.errors());
            ps.setInt(first + 1, findings.warnings());
            ps.setInt(first + 2, findings.infos());
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The SHA-256 of the YAML's UTF-8 bytes, in lower-case hex; it lets a reader prove a revision is whole. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
