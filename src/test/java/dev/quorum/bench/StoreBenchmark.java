package dev.quorum.bench;

import dev.quorum.io.DesignFile;
import dev.quorum.model.AccessPattern;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import dev.quorum.service.DesignService;
import dev.quorum.service.ProjectService;
import dev.quorum.service.ValidationService;
import dev.quorum.store.FindingCounts;
import dev.quorum.store.H2ProjectRepository;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.RevisionDraft;
import dev.quorum.store.SaveResult;
import dev.quorum.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The project store's two budgets, on a real H2 file in a temporary folder: saving a large design (400
 * tables with 5 columns, 300 queries) and listing 1,000 projects. Also the cost of durability itself, on a
 * plain H2 file: commit with WRITE_DELAY=0 alone, and followed by CHECKPOINT SYNC. Medians of one run.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.quorum.bench.StoreBenchmark [saves] [lists]</pre>
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    /** A design with {@code tables} CREATE TABLE statements of 5 columns and {@code queries} queries. */
    static Design largeDesign(int tables, int queries) {
        StringBuilder ddl = new StringBuilder();
        for (int t = 0; t < tables; t++) {
            ddl.append("CREATE TABLE table_").append(t).append(" (\n")
                    .append("    id BIGINT PRIMARY KEY,\n")
                    .append("    parent_id BIGINT REFERENCES table_").append(Math.max(0, t - 1)).append(" (id),\n")
                    .append("    name VARCHAR(200) NOT NULL,\n")
                    .append("    amount NUMERIC(12, 2),\n")
                    .append("    created_at TIMESTAMP WITH TIME ZONE NOT NULL\n")
                    .append(");\n");
        }
        List<Query> qs = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            int t = q % tables;
            qs.add(new Query("Query " + q, "Reads rows of table_" + t + " for screen " + q, new Rate((q % 50 + 1) + "/s"),
                    "Screen " + q + " shows them", List.of("table_" + t), q % 3 == 0 ? AccessPattern.WRITE_HEAVY
                            : AccessPattern.READ_HEAVY,
                    "SELECT id, name, amount FROM table_" + t + " WHERE parent_id = ? ORDER BY created_at DESC LIMIT 50"));
        }
        Design empty = Design.empty("Large design: " + tables + " tables, " + queries + " queries");
        return new Design(empty.name(), "Generated for the store benchmark.", null,
                new SchemaDesign(SqlDialect.POSTGRESQL, ddl.toString(), List.of()), qs, null, null, null, null, null, null);
    }

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int lists = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("quorum-store-bench-");
        DesignService designs = new DesignService();
        DesignFile large = DesignFile.of(largeDesign(400, 300));
        String yaml = designs.toYaml(large);
        System.out.printf(Locale.ROOT, "store benchmark in %s%nlarge design: 400 tables x 5 columns, 300 queries, %d KB of YAML%n",
                dir, yaml.length() / 1024);

        long t0 = System.nanoTime();
        FindingCounts findings = new ProjectService(null, designs, new ValidationService()).findings(large.design());
        System.out.printf(Locale.ROOT, "validating it once (not part of a save; the window does it in the background): %.0f ms, %s%n",
                (System.nanoTime() - t0) / 1e6, findings.describe());

        try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir.resolve("store")))) {
            SaveResult r = repo.create(large.design().name(), RevisionDraft.save(yaml, "bench", "first", findings));
            UUID id = r.project().id();
            long version = r.project().version();
            // Explicit saves: each one a new revision, committed and synced.
            long[] explicit = new long[saves];
            for (int i = -50; i < saves; i++) {
                String text = yaml + "# save " + i + "\n";
                long s = System.nanoTime();
                version = repo.save(id, version, RevisionDraft.save(text, "bench", "save " + i, findings)).project().version();
                if (i >= 0) {
                    explicit[i] = System.nanoTime() - s;
                }
            }
            // Canonical YAML of the model plus the save, as ProjectService.save does minus validation.
            long[] withYaml = new long[saves];
            for (int i = 0; i < saves; i++) {
                long s = System.nanoTime();
                String text = designs.toYaml(large) + "# yaml " + i + "\n";
                version = repo.save(id, version, RevisionDraft.save(text, "bench", "yaml " + i, findings)).project().version();
                withYaml[i] = System.nanoTime() - s;
            }
            // Autosaves, coalescing into one revision.
            long[] auto = new long[saves];
            for (int i = 0; i < saves; i++) {
                String text = yaml + "# autosave " + i + "\n";
                long s = System.nanoTime();
                version = repo.save(id, version, RevisionDraft.autosave(text, "bench", findings)).project().version();
                auto[i] = System.nanoTime() - s;
            }
            report("save 400-table design (explicit, new revision)", explicit);
            report("canonical YAML + save (explicit)", withYaml);
            report("autosave 400-table design (coalesced)", auto);

            // 1,000 projects, listed as the start screen does.
            String small = designs.toYaml(DesignFile.of(Design.empty("p")));
            for (int i = 1; i < 1000; i++) {
                repo.create("Project " + i, RevisionDraft.save(small, "bench", "", new FindingCounts(i % 3, i % 7, 0)));
            }
            long[] list = new long[lists];
            int n = 0;
            for (int i = -50; i < lists; i++) {
                long s = System.nanoTime();
                List<ProjectSummary> all = repo.list();
                if (i >= 0) {
                    list[i] = System.nanoTime() - s;
                }
                n = all.size();
            }
            report("list " + n + " projects", list);
        }
        durability(dir.resolve("plain"), saves, yaml);
    }

    /** Commit latency of a 1-row insert of the large YAML with WRITE_DELAY=0, then with CHECKPOINT SYNC added. */
    private static void durability(Path dir, int saves, String yaml) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("plain") + ";WRITE_DELAY=0", "sa", "x");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, y CHARACTER LARGE OBJECT)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO r (y) VALUES (?)")) {
                for (boolean sync : new boolean[] {false, true}) {
                    long[] t = new long[saves];
                    for (int i = -50; i < saves; i++) {
                        long t0 = System.nanoTime();
                        ps.setString(1, yaml + i);
                        ps.executeUpdate();
                        c.commit();
                        if (sync) {
                            s.execute("CHECKPOINT SYNC");
                        }
                        if (i >= 0) {
                            t[i] = System.nanoTime() - t0;
                        }
                    }
                    report(sync ? "plain H2 commit + CHECKPOINT SYNC" : "plain H2 commit, WRITE_DELAY=0 only", t);
                }
            }
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-50s median %7.2f ms   p90 %7.2f ms   max %7.2f ms   (n=%d)%n", what,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6, s[s.length - 1] / 1e6, s.length);
    }
}
