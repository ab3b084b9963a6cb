package dev.quorum.service;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignFormatException;
import dev.quorum.io.DesignYaml;
import dev.quorum.io.MarkdownExporter;
import dev.quorum.io.MarkdownFigures;
import dev.quorum.model.Design;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.SchemaModel;
import dev.quorum.template.Completeness;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateLoader;
import dev.quorum.template.TemplateSection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The use cases on a single design that the window and the command line share: open, save, create,
 * summarise and export. It holds no state beyond the template, so one instance serves every caller.
 */
public final class DesignService {

    private final Template template;
    private final DesignYaml yaml = new DesignYaml();
    private final MarkdownExporter markdown;
    private final Completeness completeness;

    public DesignService() {
        this(TemplateLoader.dataAndConsistency());
    }

    public DesignService(Template template) {
        this.template = template;
        this.markdown = new MarkdownExporter(template, new DiagramService().markdownFigures());
        this.completeness = new Completeness(template);
    }

    /** The template this service follows. */
    public Template template() {
        return template;
    }

    /** Reads a design file. */
    public DesignFile open(Path file) throws DesignFormatException, IOException {
        return yaml.read(file);
    }

    /** Reads design text; {@code source} names it in error messages. */
    public DesignFile parse(String text, String source) throws DesignFormatException {
        return yaml.read(text, source);
    }

    /** Reads one of the bundled samples by file name (see {@link SampleCatalog#FILES}). */
    public DesignFile openSample(String fileName) throws DesignFormatException, IOException {
        try (InputStream in = DesignService.class.getResourceAsStream(SampleCatalog.resource(fileName))) {
            if (in == null) {
                throw new IOException("no bundled sample named " + fileName);
            }
            return yaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), fileName);
        }
    }

    /** Writes a design file atomically. */
    public void save(DesignFile file, Path target) throws IOException {
        yaml.write(file, target);
    }

    /** An empty design with a name, every key present so the file shows what to fill in. */
    public DesignFile create(String name) {
        return DesignFile.of(Design.empty(name));
    }

    /** The design in canonical YAML. */
    public String toYaml(DesignFile file) {
        return yaml.write(file);
    }

    /** The design as the filled-in template in Markdown, with the ER diagram as Mermaid under the schema. */
    public String toMarkdown(Design design) {
        // The template's sections come first and unchanged; recorded simulation outcomes follow as an appendix.
        return markdown.export(design) + SimulatedOutcomesMarkdown.appendix(design.outcomes());
    }

    /** The design as Markdown with these figures (for example diagram images written next to the file). */
    public String toMarkdown(Design design, MarkdownFigures figures) {
        return new MarkdownExporter(template, figures).export(design) + SimulatedOutcomesMarkdown.appendix(design.outcomes());
    }

    /**
     * Replaces the design's schema SQL with {@code ddl}, keeping every other field, and reports what the
     * importer understood. The dialect is {@code dialect} when given, else the design's, else PostgreSQL.
     */
    public SchemaImport importSchema(DesignFile file, String ddl, SqlDialect dialect) {
        Design d = file.design();
        SqlDialect chosen = dialect != null ? dialect : d.schema().dialect() != null ? d.schema().dialect() : SqlDialect.POSTGRESQL;
        SchemaModel schema = new DdlImporter().importDdl(ddl, chosen);
        Design updated = new Design(d.name(), d.summary(), d.persistence(),
                new SchemaDesign(chosen, ddl, d.schema().documents()), d.queries(), d.concurrency(), d.sharing(),
                d.consistency(), d.replication(), d.backup(), d.lifecycle(), d.validation(), d.outcomes());
        return new SchemaImport(file.withDesign(updated), schema);
    }

    /** Each section's digest and gaps, in template order. */
    public DesignSummary summarize(Design design) {
        List<SectionStatus> sections = new ArrayList<>();
        for (TemplateSection s : template.sections()) {
            sections.add(new SectionStatus(s.id(), s.title(), SectionDigests.digest(s.id(), design),
                    completeness.sectionGaps(design, s)));
        }
        return new DesignSummary(design.name(), completeness.designGaps(design), sections);
    }
}
