package dev.quorum.model;

/** Data flowing from one node to another: its mode (sync, semi-sync, async) and its lag. */
public record ReplicationLink(String from, String to, ReplicationMode mode, Duration lag) {

    public ReplicationLink {
        from = Values.text(from);
        to = Values.text(to);
        lag = Values.duration(lag);
    }
}
