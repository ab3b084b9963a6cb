package dev.quorum.diagram;

import dev.quorum.diagram.ErScene.Attribute;
import dev.quorum.diagram.ErScene.Entity;
import dev.quorum.diagram.ErScene.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link ErScene} as a Mermaid {@code erDiagram}. Entities have synthetic names ({@code t0}) and
 * show the real name as a quoted alias; attributes are "type name PK, FK, UK" with a comment for what the
 * bare-word grammar cannot hold (the exact name or type, and NULL). Relationships use Mermaid's crow's
 * foot: the child side is {@code }o} (or {@code |o} when the key is unique), the parent side {@code ||}
 * (or {@code |o} when the key is nullable); identifying keys are solid ({@code --}), others dotted.
 * Only constructs of Mermaid 10.5 and later are used; groups are not drawn because erDiagram has no
 * frames on GitHub's Mermaid.
 */
final class ErMermaidWriter {

    private ErMermaidWriter() {
    }

    static String write(ErScene scene) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (Entity e : scene.entities()) {
            String title = switch (e.kind()) {
                case TABLE -> DiagramText.name(e.name()) + (e.partitions() > 0 ? " (+" + e.partitions() + " partitions)" : "");
                case VIEW -> "view " + DiagramText.name(e.name());
                case MISSING -> DiagramText.name(e.name()) + " (not defined)";
            };
            out.append("    ").append(e.id()).append('[').append(MermaidText.quoted(title, DiagramText.NAME_LIMIT * 2)).append(']');
            if (e.attributes().isEmpty()) {
                out.append('\n');
                continue;
            }
            out.append(" {\n");
            for (Attribute a : e.attributes()) {
                out.append("        ").append(attribute(a)).append('\n');
            }
            out.append("    }\n");
        }
        for (Relation r : scene.relations()) {
            out.append("    ").append(r.child()).append(' ').append(r.oneToOne() ? "|o" : "}o")
                    .append(r.identifying() ? "--" : "..").append(r.optional() ? "o|" : "||").append(' ')
                    .append(r.parent()).append(" : ").append(MermaidText.comment(r.label().isBlank() ? "references" : r.label(),
                            DiagramText.NAME_LIMIT)).append('\n');
        }
        return out.toString();
    }

    /** "integer film_id PK, FK "exact name; NULL"". */
    static String attribute(Attribute a) {
        String type = MermaidText.word(a.type().isBlank() ? "unknown" : a.type());
        String name = MermaidText.word(a.name());
        StringBuilder b = new StringBuilder(type).append(' ').append(name);
        List<String> keys = new ArrayList<>();
        if (a.primaryKey()) {
            keys.add("PK");
        }
        if (a.foreignKey()) {
            keys.add("FK");
        }
        if (a.unique()) {
            keys.add("UK");
        }
        if (!keys.isEmpty()) {
            b.append(' ').append(String.join(", ", keys));
        }
        List<String> notes = new ArrayList<>();
        if (!name.equals(DiagramText.name(a.name()))) {
            notes.add(DiagramText.name(a.name()));
        }
        if (!type.equals(DiagramText.name(a.type())) && !a.type().isBlank()) {
            notes.add(DiagramText.name(a.type()));
        }
        if (a.nullable()) {
            notes.add("NULL");
        }
        if (!notes.isEmpty()) {
            b.append(' ').append(MermaidText.comment(String.join("; ", notes), DiagramText.NOTE_LIMIT * 2));
        }
        return b.toString();
    }
}
