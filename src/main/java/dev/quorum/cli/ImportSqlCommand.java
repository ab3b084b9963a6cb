package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.model.SqlDialect;
import dev.quorum.service.DesignService;
import dev.quorum.service.SchemaImport;
import dev.quorum.sql.SkippedStatement;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum import-sql FILE.sql --into DESIGN.quorum.yaml}: puts DDL into a design's schema section. */
@Command(name = "import-sql", mixinStandardHelpOptions = true,
        description = "Put a DDL script into a design's schema section and report what Quorum understood and skipped.%n"
                + "The SQL is parsed, never run. The design file is created if it does not exist.")
final class ImportSqlCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.sql", description = "The DDL script.")
    Path sqlFile;

    @Option(names = "--into", required = true, paramLabel = "DESIGN", description = "The *.quorum.yaml design to update.")
    Path design;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "postgresql, mysql, h2, sqlserver or ansi; default: the design's, else postgresql.")
    String dialect;

    private final DesignService designs;

    ImportSqlCommand(DesignService designs) {
        this.designs = designs;
    }

    @Override
    public Integer call() throws Exception {
        SqlDialect chosen = null;
        if (dialect != null) {
            chosen = dev.quorum.model.Choice.byId(SqlDialect.class, dialect.strip()).orElseThrow(() ->
                    new UserError("--dialect takes " + dev.quorum.model.Choice.allowedIds(SqlDialect.class) + ", not '" + dialect + "'"));
        }
        String ddl = Files.readString(sqlFile, java.nio.charset.StandardCharsets.UTF_8);
        DesignFile target = Files.exists(design) ? designs.open(design)
                : designs.create(sqlFile.getFileName().toString().replaceFirst("\\.sql$", ""));
        SchemaImport result = designs.importSchema(target, ddl, chosen);
        designs.save(result.file(), design);
        PrintWriter out = spec.commandLine().getOut();
        var schema = result.schema();
        out.printf("Imported %s into %s: %d tables, %d views, %d foreign keys, %d indexes (dialect %s).%n",
                sqlFile.getFileName(), design.getFileName(), schema.tables().size(), schema.views().size(),
                schema.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum(),
                schema.tables().stream().mapToInt(t -> t.indexes().size()).sum(),
                result.file().design().schema().dialect().id());
        if (!schema.skipped().isEmpty()) {
            out.printf("Skipped %d statements that do not describe tables, keys or indexes:%n", schema.skipped().size());
            for (SkippedStatement s : schema.skipped()) {
                out.printf("  %s:%d: %s (%s)%n", sqlFile.getFileName(), s.line(), s.summary(), s.reason());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
