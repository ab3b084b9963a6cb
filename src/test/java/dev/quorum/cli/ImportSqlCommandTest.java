package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.SqlDialect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSqlCommandTest {

    private static final Path PAGILA = Path.of("src", "test", "resources", "real-schemas", "pagila-schema.sql");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void pagilaGoesIntoANewDesignWithSkippedStatementsByLine() throws Exception {
        Path design = dir.resolve("pagila.quorum.yaml");
        assertThat(run("import-sql", PAGILA.toString(), "--into", design.toString())).isZero();
        assertThat(out.toString())
                .startsWith("Imported pagila-schema.sql into pagila.quorum.yaml: 71 tables, 8 views, 37 foreign keys, 37 indexes (dialect postgresql).")
                .contains("Skipped 165 statements")
                .containsPattern("pagila-schema\\.sql:\\d+: SET .* \\(SET statement");
        var read = new DesignYaml().read(design).design();
        assertThat(read.name()).isEqualTo("pagila-schema");
        assertThat(read.schema().sql()).isEqualTo(Files.readString(PAGILA));
        assertThat(read.schema().dialect()).isEqualTo(SqlDialect.POSTGRESQL);
    }

    @Test
    void anExistingDesignKeepsEverythingElse() throws Exception {
        Path design = dir.resolve("shop.quorum.yaml");
        assertThat(run("new", "Shop", "-o", design.toString())).isZero();
        Path ddl = dir.resolve("shop.sql");
        Files.writeString(ddl, "CREATE TABLE `users` (`id` INT PRIMARY KEY);\nGRANT SELECT ON users TO app;\n");
        assertThat(run("import-sql", ddl.toString(), "--into", design.toString(), "--dialect", "mysql")).isZero();
        assertThat(out.toString()).contains("1 tables, 0 views").contains("shop.sql:2: GRANT");
        var read = new DesignYaml().read(design).design();
        assertThat(read.name()).isEqualTo("Shop");
        assertThat(read.schema().dialect()).isEqualTo(SqlDialect.MYSQL);
    }

    @Test
    void aWrongDialectIsBadInput() {
        assertThat(run("import-sql", PAGILA.toString(), "--into", dir.resolve("x.quorum.yaml").toString(), "--dialect", "oracle"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--dialect takes postgresql, mysql, h2, sqlserver, ansi, not 'oracle'");
        assertThat(Files.exists(dir.resolve("x.quorum.yaml"))).isFalse();
    }
}
