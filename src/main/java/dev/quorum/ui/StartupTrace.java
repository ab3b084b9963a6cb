package dev.quorum.ui;

/**
 * Prints how far the start-up has come, in milliseconds since the JVM started, when the system property
 * {@value #PROPERTY} is set. Kept in the product so that anyone can see where a slow start goes
 * (docs/benchmarks.md); it costs one property read per mark otherwise.
 */
final class StartupTrace {

    /** The system property that turns the trace on. */
    static final String PROPERTY = "quorum.startupTrace";

    private static final boolean ON = System.getProperty(PROPERTY) != null;
    // The JVM's own start time: the process's start time from /proc is counted from a boot time kept in whole
    // seconds, and put the first mark up to a second late.
    private static final long STARTED = ON ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private StartupTrace() {
    }

    /** As {@link #mark(String)}, with the number of nodes under {@code root}: each costs CSS and layout at start. */
    static void mark(String what, javafx.scene.Parent root) {
        if (ON) {
            mark(what + " (" + count(root) + " nodes)");
        }
    }

    private static int count(javafx.scene.Node node) {
        int n = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    /** Prints {@code QUORUM_TRACE <ms> <what>} to standard error when tracing. */
    static void mark(String what) {
        if (ON) {
            System.err.println("QUORUM_TRACE " + (System.currentTimeMillis() - STARTED) + " " + what
                    + " [" + Thread.currentThread().getName() + "]");
        }
    }
}
