package dev.quorum.io;

import dev.quorum.model.BackupStrategy;
import dev.quorum.model.Choice;
import dev.quorum.model.ConcurrencyAspect;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.DocumentStructure;
import dev.quorum.model.Failover;
import dev.quorum.model.Quantity;
import dev.quorum.model.Query;
import dev.quorum.model.RecoveryPlan;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.SyncStrategy;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;
import dev.quorum.template.TemplateSubsection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a design as the filled-in template in GitHub-flavoured Markdown: the template's headings in its
 * order, GFM tables for its tables, fenced SQL and JSON, and Mermaid flowcharts for the diagrams. The
 * output depends on nothing but the design, so the same design always gives the same text.
 */
public final class MarkdownExporter {

    /** Shown for every field the design leaves empty. */
    public static final String NOT_SPECIFIED = "_Not specified_";

    private final Template template;
    private final MarkdownFigures figures;
    private final Map<String, BiConsumer<Design, StringBuilder>> subsectionWriters = Map.ofEntries(
            Map.entry("data-elements", this::dataElements),
            Map.entry("storage-options", this::storageOptions),
            Map.entry("storage-choices", this::storageChoices),
            Map.entry("primary-schema", this::primarySchema),
            Map.entry("document-structure", this::documents),
            Map.entry("database-queries", this::queries),
            Map.entry("concurrent-access", this::concurrency),
            Map.entry("shared-data", this::sharedData),
            Map.entry("data-synchronization", this::synchronization),
            Map.entry("consistency-level", this::consistency),
            Map.entry("replication-strategy", this::replication),
            Map.entry("backup-strategy", this::backupStrategy),
            Map.entry("recovery-plan", this::recoveryPlan),
            Map.entry("data-creation", (d, out) -> paragraph(out, d.lifecycle().creation())),
            Map.entry("data-modification", (d, out) -> paragraph(out, d.lifecycle().modification())),
            Map.entry("data-archival", (d, out) -> paragraph(out, d.lifecycle().archival())),
            Map.entry("data-deletion", this::deletion),
            Map.entry("retention-policy", this::retention));

    public MarkdownExporter(Template template) {
        this(template, MarkdownFigures.NONE);
    }

    /** An exporter that also places {@code figures} (diagrams drawn elsewhere) after their subsections. */
    public MarkdownExporter(Template template, MarkdownFigures figures) {
        this.template = template;
        this.figures = figures;
    }

    /** True when this exporter knows how to write the subsection with this id. */
    public boolean writes(String subsectionId) {
        return subsectionWriters.containsKey(subsectionId);
    }

    /** The whole design as Markdown. */
    public String export(Design design) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(template.title()).append("\n\n");
        out.append("**Design:** ").append(design.name().isBlank() ? NOT_SPECIFIED : MarkdownText.inline(design.name()))
                .append("\n\n");
        if (!design.summary().isBlank()) {
            out.append(MarkdownText.block(design.summary())).append("\n\n");
        }
        for (TemplateSection section : template.sections()) {
            out.append("## ").append(section.title()).append("\n\n");
            for (TemplateSubsection sub : section.subsections()) {
                if (sub.hasHeading()) {
                    out.append("### ").append(sub.title()).append("\n\n");
                }
                BiConsumer<Design, StringBuilder> writer = subsectionWriters.get(sub.id());
                if (writer == null) {
                    throw new IllegalStateException("no Markdown writer for template subsection " + sub.id());
                }
                writer.accept(design, out);
                for (MarkdownFigures.Figure figure : figures.after(sub.id(), design)) {
                    figure(out, figure);
                }
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private void dataElements(Design d, StringBuilder out) {
        List<DataElement> rows = d.persistence().dataElements();
        if (rows.isEmpty()) {
            paragraph(out, "");
            return;
        }
        table(out, List.of("Data Element", "Description", "Reason for Storage", "Size Estimate"),
                rows.stream().map(e -> List.of(e.name(), e.description(), e.reason(), sizeText(e.sizeEstimate()))).toList());
    }

    private void storageOptions(Design d, StringBuilder out) {
        List<StorageChoice> rows = d.persistence().storageChoices();
        if (rows.isEmpty()) {
            paragraph(out, "");
            return;
        }
        table(out, List.of("Data", "Type", "System"),
                rows.stream().map(c -> List.of(c.data(), label(c.type()), c.system())).toList());
    }

    private void storageChoices(Design d, StringBuilder out) {
        if (d.persistence().storageChoices().isEmpty()) {
            paragraph(out, "");
        }
        for (StorageChoice c : d.persistence().storageChoices()) {
            blockTitle(out, "Data", c.data());
            bullet(out, "Type", label(c.type()));
            bullet(out, "System", c.system());
            bullet(out, "Justification", c.justification());
            bullet(out, "Access Patterns", c.accessPatterns());
            out.append('\n');
        }
    }

    private void primarySchema(Design d, StringBuilder out) {
        bullet(out, "SQL dialect", label(d.schema().dialect()));
        out.append('\n');
        code(out, "sql", d.schema().sql());
    }

    private void documents(Design d, StringBuilder out) {
        if (d.schema().documents().isEmpty()) {
            paragraph(out, "");
        }
        for (DocumentStructure doc : d.schema().documents()) {
            blockTitle(out, "Collection", doc.collection());
            code(out, "json", doc.json());
        }
    }

    private void queries(Design d, StringBuilder out) {
        if (d.queries().isEmpty()) {
            paragraph(out, "");
        }
        for (Query q : d.queries()) {
            blockTitle(out, "Query", q.name());
            bullet(out, "Purpose", q.purpose());
            bullet(out, "Frequency", quantityText(q.frequency()));
            bullet(out, "Reason", q.reason());
            bullet(out, "Data Accessed", String.join(", ", q.dataAccessed()));
            bullet(out, "Access Pattern", label(q.accessPattern()));
            out.append('\n');
            if (!q.sql().isBlank()) {
                out.append("Query Execution:\n\n");
                code(out, "sql", q.sql());
            }
        }
    }

    private void concurrency(Design d, StringBuilder out) {
        aspect(out, "Concurrent Reads", d.concurrency().reads());
        aspect(out, "Concurrent Writes", d.concurrency().writes());
        aspect(out, "Read-Write Concurrency", d.concurrency().readWrite());
    }

    private void aspect(StringBuilder out, String title, ConcurrencyAspect a) {
        out.append("**").append(title).append(":**\n\n");
        bullet(out, "Occurs", a.occurs());
        bullet(out, "Concern", a.concern());
        bullet(out, "Handling", a.handling());
        out.append('\n');
    }

    private void sharedData(Design d, StringBuilder out) {
        List<SharedData> rows = d.sharing().sharedData();
        if (rows.isEmpty()) {
            paragraph(out, "");
            return;
        }
        table(out, List.of("Data", "Components Accessing", "Why Shared", "Synchronization"),
                rows.stream().map(s -> List.of(s.data(), String.join(", ", s.components()), s.whyShared(), s.synchronization()))
                        .toList());
    }

    private void synchronization(Design d, StringBuilder out) {
        if (d.sharing().strategies().isEmpty()) {
            paragraph(out, "");
        }
        for (SyncStrategy s : d.sharing().strategies()) {
            blockTitle(out, "Strategy", s.name());
            bullet(out, "Description", s.description());
            bullet(out, "Components Involved", String.join(", ", s.components()));
            bullet(out, "Frequency", quantityText(s.frequency()));
            bullet(out, "Conflict Resolution", s.conflictResolution());
            out.append('\n');
        }
        out.append("**Synchronization diagram:**\n\n");
        if (d.sharing().diagram().nodes().isEmpty() && d.sharing().diagram().edges().isEmpty()) {
            paragraph(out, "");
        } else {
            code(out, "mermaid", MermaidWriter.flow(d.sharing().diagram()));
        }
    }

    private void consistency(Design d, StringBuilder out) {
        bullet(out, "Your Choice", label(d.consistency().model()));
        bullet(out, "Justification", d.consistency().justification());
        bullet(out, "Implementation", d.consistency().implementation());
        out.append('\n');
    }

    private void replication(Design d, StringBuilder out) {
        bullet(out, "Your Strategy", label(d.replication().strategy()));
        out.append('\n');
        out.append("**Topology:**\n\n");
        var topology = d.replication().topology();
        if (topology.nodes().isEmpty()) {
            paragraph(out, "");
        } else {
            code(out, "mermaid", MermaidWriter.topology(topology));
            if (!topology.links().isEmpty()) {
                table(out, List.of("From", "To", "Mode", "Lag"), topology.links().stream()
                        .map(l -> List.of(nodeName(d, l.from()), nodeName(d, l.to()), label(l.mode()), quantityText(l.lag())))
                        .toList());
            }
        }
        bullet(out, "Replication Lag", quantityText(d.replication().expectedLag()));
        out.append('\n');
        Failover f = d.replication().failover();
        out.append("**Failover Process:**\n\n");
        bullet(out, "Mode", label(f.mode()));
        bullet(out, "Detection Time", quantityText(f.detectionTime()));
        bullet(out, "Promotion Time", quantityText(f.promotionTime()));
        bullet(out, "Process", f.process());
        out.append('\n');
    }

    private static String nodeName(Design d, String id) {
        return d.replication().topology().nodes().stream().filter(n -> n.id().equals(id) && !n.name().isBlank())
                .map(n -> n.name()).findFirst().orElse(id);
    }

    private void backupStrategy(Design d, StringBuilder out) {
        BackupStrategy b = d.backup().strategy();
        bullet(out, "Frequency", quantityText(b.frequency()));
        bullet(out, "Location", b.location());
        bullet(out, "Retention", quantityText(b.retention()));
        bullet(out, "Type", label(b.type()));
        bullet(out, "Continuous log shipping", b.continuousLogShipping() == null ? "" : b.continuousLogShipping() ? "Yes" : "No");
        out.append('\n');
    }

    private void recoveryPlan(Design d, StringBuilder out) {
        RecoveryPlan r = d.backup().recovery();
        bullet(out, "RTO (Recovery Time Objective)", quantityText(r.rto()));
        bullet(out, "RPO (Recovery Point Objective)", quantityText(r.rpo()));
        bullet(out, "Procedure", r.procedure());
        bullet(out, "Testing", quantityText(r.testingFrequency()));
        out.append('\n');
    }

    private void deletion(Design d, StringBuilder out) {
        bullet(out, "Mode", label(d.lifecycle().deletion().mode()));
        bullet(out, "Description", d.lifecycle().deletion().description());
        out.append('\n');
    }

    private void retention(Design d, StringBuilder out) {
        paragraph(out, d.lifecycle().retentionPolicy());
        bullet(out, "Retention period", quantityText(d.lifecycle().retentionPeriod()));
        out.append('\n');
    }

    // ---- building blocks -------------------------------------------------------------------

    /** A bold caption, the Mermaid source in a fence, and the image link; never a heading. */
    private static void figure(StringBuilder out, MarkdownFigures.Figure figure) {
        out.append("**").append(MarkdownText.inline(figure.caption())).append(":**\n\n");
        if (!figure.mermaid().isBlank()) {
            out.append(MarkdownText.fence("mermaid", figure.mermaid())).append('\n');
        }
        if (!figure.imagePath().isBlank()) {
            out.append("![").append(MarkdownText.inline(figure.caption())).append("](").append(linkPath(figure.imagePath()))
                    .append(")\n\n");
        }
    }

    /** A relative path safe inside a Markdown link: anything but letters, digits and {@code . _ - /} is percent-encoded. */
    static String linkPath(String path) {
        StringBuilder b = new StringBuilder();
        for (byte raw : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '/')) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static void paragraph(StringBuilder out, String text) {
        out.append(text.isBlank() ? NOT_SPECIFIED : MarkdownText.block(text)).append("\n\n");
    }

    private static void blockTitle(StringBuilder out, String label, String name) {
        out.append("**").append(label).append(":** ")
                .append(name.isBlank() ? NOT_SPECIFIED : MarkdownText.inline(name)).append("\n\n");
    }

    /** A bullet "- **Label:** value"; multi-line values continue as an indented block inside the item. */
    private static void bullet(StringBuilder out, String label, String value) {
        out.append("- **").append(label).append(":**");
        if (value.isBlank()) {
            out.append(' ').append(NOT_SPECIFIED).append('\n');
        } else if (!value.strip().contains("\n")) {
            out.append(' ').append(MarkdownText.inline(value)).append('\n');
        } else {
            out.append("\n\n");
            for (String line : MarkdownText.block(value).split("\n", -1)) {
                out.append(line.isEmpty() ? "" : "  " + line).append('\n');
            }
            out.append('\n');
        }
    }

    private static void table(StringBuilder out, List<String> headers, List<List<String>> rows) {
        out.append('|');
        headers.forEach(h -> out.append(' ').append(h).append(" |"));
        out.append("\n|");
        headers.forEach(h -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            for (String cell : row) {
                out.append(' ').append(cell.isBlank() ? NOT_SPECIFIED : MarkdownText.cell(cell)).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static void code(StringBuilder out, String info, String code) {
        if (code.isBlank()) {
            paragraph(out, "");
            return;
        }
        out.append(MarkdownText.fence(info, code)).append('\n');
    }

    private static String label(Choice choice) {
        return choice == null ? "" : choice.label();
    }

    private static String quantityText(Quantity q) {
        if (q.isBlank()) {
            return "";
        }
        if (q.problem().isPresent()) {
            return q.text().strip() + " (cannot be read: " + q.problem().get() + ")";
        }
        return q.text().strip();
    }

    private static String sizeText(DataSize size) {
        String text = quantityText(size);
        if (size.isReadable()) {
            String total = size.humanValue().orElse("");
            if (!total.equalsIgnoreCase(size.text().strip().replace("~", ""))) {
                return text + " (≈ " + total + ")";
            }
        }
        return text;
    }
}
