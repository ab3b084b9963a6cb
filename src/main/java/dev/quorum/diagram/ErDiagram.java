package dev.quorum.diagram;

import dev.quorum.sql.SchemaModel;

/** The entity-relationship diagram of a parsed schema, as DOT for Graphviz or as a Mermaid erDiagram. */
public final class ErDiagram {

    /** Above this size a Mermaid erDiagram with columns is replaced by the overview; Mermaid refuses 50,000 characters by default. */
    static final int MERMAID_TEXT_LIMIT = 45_000;

    private ErDiagram() {
    }

    /** The diagram as DOT text. */
    public static String dot(SchemaModel schema, ErOptions options) throws DiagramInputException {
        return ErDotWriter.write(new ErSceneBuilder(schema, options).build());
    }

    /**
     * The diagram as a Mermaid erDiagram. With AUTO detail a diagram too large for Mermaid's default text
     * limit falls back to tables only.
     */
    public static String mermaid(SchemaModel schema, ErOptions options) throws DiagramInputException {
        String text = ErMermaidWriter.write(new ErSceneBuilder(schema, options).build());
        if (text.length() > MERMAID_TEXT_LIMIT && options.detail() == ErOptions.Detail.AUTO) {
            text = ErMermaidWriter.write(new ErSceneBuilder(schema, options.withDetail(ErOptions.Detail.TABLES)).build());
        }
        return text;
    }

    /** True when the schema has at least one table or view to draw. */
    public static boolean hasContent(SchemaModel schema) {
        return !schema.tables().isEmpty() || !schema.views().isEmpty();
    }
}
