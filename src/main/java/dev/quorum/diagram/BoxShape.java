package dev.quorum.diagram;

/**
 * How a box in a data-flow or topology diagram is drawn, in DOT and in Mermaid. Stores are shaped by
 * storage type so a reader tells a document store from a queue at a glance; the pairs are listed in
 * docs/decisions/0013-diagram-shapes-and-failover-path.md.
 */
enum BoxShape {
    COMPONENT("box", "rounded,filled", "#eaf2f8", "[", "]"),
    CLIENT("ellipse", "filled", "#fdfefe", "([", "])"),
    EXTERNAL("hexagon", "filled", "#f5eef8", "{{", "}}"),
    RELATIONAL("cylinder", "filled", "#e8f6f3", "[(", ")]"),
    DOCUMENT("note", "filled", "#fef9e7", ">", "]"),
    KEY_VALUE("box3d", "filled", "#fdedec", "[\\", "\\]"),
    GRAPH("doubleoctagon", "filled", "#f4ecf7", "(((", ")))"),
    TIME_SERIES("tab", "filled", "#e8f8f5", "[\\", "/]"),
    SEARCH_INDEX("invhouse", "filled", "#ebf5fb", "{", "}"),
    CACHE("component", "filled", "#fdedec", "[[", "]]"),
    QUEUE("cds", "filled", "#fef5e7", "[/", "/]"),
    FILE("folder", "filled", "#f8f9f9", "[/", "\\]"),
    STRATEGY("box", "rounded,dashed,filled", "#fcf3cf", "(", ")"),
    SHARED_DATA("box", "dashed", "#ffffff", "[", "]"),
    PRIMARY("cylinder", "filled,bold", "#d6eaf8", "[(", ")]"),
    REPLICA("cylinder", "filled", "#ebf5fb", "[(", ")]"),
    STANDBY("cylinder", "dashed,filled", "#f2f4f4", "[(", ")]"),
    WITNESS("ellipse", "filled", "#f8f9f9", "((", "))"),
    PLAIN("box", "filled", "#f8f9f9", "[", "]");

    final String dotShape;
    final String dotStyle;
    final String fill;
    final String mermaidOpen;
    final String mermaidClose;

    BoxShape(String dotShape, String dotStyle, String fill, String mermaidOpen, String mermaidClose) {
        this.dotShape = dotShape;
        this.dotStyle = dotStyle;
        this.fill = fill;
        this.mermaidOpen = mermaidOpen;
        this.mermaidClose = mermaidClose;
    }
}
