package dev.quorum.diagram;

/** Which Graphviz does the layout: the installed {@code dot} binary, or graphviz-java's bundled J2V8 (viz.js). */
public enum RenderEngine {
    /** {@code dot} when it is on the PATH, otherwise J2V8. */
    AUTO("auto"),
    /** The Graphviz {@code dot} binary, about 25 ms for a small diagram. */
    DOT("dot"),
    /** viz.js in the bundled V8 engine: no installation needed, 1-3 s for the first diagram in a process. */
    J2V8("j2v8");

    private final String id;

    RenderEngine(String id) {
        this.id = id;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }
}
