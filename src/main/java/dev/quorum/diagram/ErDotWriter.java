package dev.quorum.diagram;

import dev.quorum.diagram.DotWriter.Attrs;
import dev.quorum.diagram.ErScene.Attribute;
import dev.quorum.diagram.ErScene.Entity;
import dev.quorum.diagram.ErScene.Group;
import dev.quorum.diagram.ErScene.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link ErScene} as DOT: tables as record boxes (name, then one field per column with its type
 * and markers), foreign keys as crow's-foot edges from the key column to the referenced column, views and
 * missing tables dashed, groups as frames. Identifying keys (part of the child's primary key) are drawn heavier.
 */
final class ErDotWriter {

    private ErDotWriter() {
    }

    static String write(ErScene scene) {
        Attrs graph = new Attrs().set("rankdir", "LR").set("nodesep", "0.25").set("ranksep", "0.7")
                .set("labelloc", "b").set("labeljust", "l").quoted("label", Dot.leftLines(DiagramText.wrap(List.of(scene.caption()), 1000, 110), 1000));
        if (scene.overview()) {
            // Straight edges keep layout time near-linear for hundreds of tables.
            graph.set("splines", "line").set("ranksep", "1.2");
        }
        DotWriter dot = new DotWriter(graph);
        for (Group g : scene.groups()) {
            dot.beginCluster(g.id(), new Attrs().text("label", g.label(), DiagramText.NAME_LIMIT).set("style", "rounded,dashed")
                    .set("color", "#7f8c8d").set("fontcolor", "#555555").set("labelloc", "t"));
            for (Entity e : scene.entities()) {
                if (e.group().equals(g.id())) {
                    node(dot, e, scene.overview());
                }
            }
            dot.endCluster();
        }
        for (Entity e : scene.entities()) {
            if (e.group().isEmpty()) {
                node(dot, e, scene.overview());
            }
        }
        for (Relation r : scene.relations()) {
            String from = r.childPort() >= 0 ? r.child() + ":c" + r.childPort() : r.child();
            String to = r.parentPort() >= 0 ? r.parent() + ":c" + r.parentPort() : r.parent();
            dot.edge(from, to, new Attrs().set("dir", "both").set("arrowtail", r.oneToOne() ? "teeodot" : "crowodot")
                    .set("arrowhead", r.optional() ? "teeodot" : "teetee").set("penwidth", r.identifying() ? "1.6" : "1")
                    .set("color", "#34495e"));
        }
        return dot.text();
    }

    private static void node(DotWriter dot, Entity e, boolean overview) {
        String title = DiagramText.name(e.name()) + (e.partitions() > 0 ? " (+" + e.partitions() + " partitions)" : "");
        Attrs a = new Attrs();
        switch (e.kind()) {
            case VIEW -> a.set("shape", "box").set("style", "dashed,rounded").set("color", "#2c3e50")
                    .quoted("label", Dot.centredLines(List.of("view", e.name()), DiagramText.NAME_LIMIT));
            case MISSING -> a.set("shape", "box").set("style", "dashed").set("color", "#c0392b").set("fontcolor", "#c0392b")
                    .quoted("label", Dot.centredLines(List.of(e.name(), "(not defined in the schema)"), DiagramText.NAME_LIMIT));
            case TABLE -> {
                if (overview) {
                    a.set("shape", "box").text("label", title, DiagramText.NAME_LIMIT * 2);
                } else {
                    List<String> fields = new ArrayList<>();
                    for (Attribute c : e.attributes()) {
                        fields.add(field(c));
                    }
                    a.set("shape", "record").quoted("label", Dot.record(title, fields, DiagramText.NAME_LIMIT * 2));
                }
                a.set("style", e.focus() ? "filled,bold" : "filled").set("fillcolor", e.focus() ? "#fdebd0" : "#f4f6f7")
                        .set("color", e.focus() ? "#d35400" : "#2c3e50");
            }
            default -> throw new IllegalStateException(e.kind().toString());
        }
        dot.node(e.id(), a);
    }

    /** "film_id : integer  PK FK", with the name and type each cut to the name limit. */
    static String field(Attribute c) {
        String text = DiagramText.name(c.name()) + " : " + DiagramText.name(c.type());
        String markers = c.markers();
        return markers.isEmpty() ? text : text + "  " + markers;
    }
}
