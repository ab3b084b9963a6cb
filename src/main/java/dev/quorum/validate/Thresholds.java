package dev.quorum.validate;

/**
 * The numbers rules compare designs against. Each default is documented in docs/rules.md with its source.
 *
 * @param frequentQueriesPerSecond a query at or above this rate is on a hot path (default 10/s)
 * @param restoreBytesPerSecond the rate a restore writes data back (default 100 MB/s)
 * @param largeTableRows a table above this many rows is large for unbounded reads (default 100,000)
 * @param maxIndexesOnWriteHeavyTable more indexes than this slow a write-heavy table (default 5)
 * @param maxLobColumns more LOB columns than this in one table is too many (default 3)
 */
public record Thresholds(double frequentQueriesPerSecond, double restoreBytesPerSecond, double largeTableRows,
        int maxIndexesOnWriteHeavyTable, int maxLobColumns) {

    /**
     * The defaults. 10/s: below that, a full scan of a modest table is usually tolerable. 100 MB/s: a
     * conservative single-stream restore from object storage (pg_restore and cloud snapshot restores are
     * commonly quoted at 50-250 MB/s). 100,000 rows: past this an unbounded read returns more than a page
     * can use. 5 indexes: every index is another write per insert. 3 LOB columns: SchemaCrawler's default.
     */
    public static final Thresholds DEFAULT = new Thresholds(10, 100e6, 100_000, 5, 3);
}
