package dev.quorum.model;

/** The Concurrent Access section: concurrent reads, concurrent writes, and reads against writes. */
public record ConcurrentAccess(ConcurrencyAspect reads, ConcurrencyAspect writes, ConcurrencyAspect readWrite) {

    /** Nothing said about concurrency. */
    public static final ConcurrentAccess EMPTY = new ConcurrentAccess(null, null, null);

    public ConcurrentAccess {
        reads = reads == null ? ConcurrencyAspect.EMPTY : reads;
        writes = writes == null ? ConcurrencyAspect.EMPTY : writes;
        readWrite = readWrite == null ? ConcurrencyAspect.EMPTY : readWrite;
    }
}
