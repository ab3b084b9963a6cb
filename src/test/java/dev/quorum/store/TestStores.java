package dev.quorum.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Helpers for store tests: locations, options, a clock the test moves, and small designs as YAML. */
final class TestStores {

    private TestStores() {
    }

    static StoreLocation at(Path dir) {
        return new StoreLocation(dir);
    }

    static H2ProjectRepository open(Path dir) throws StoreException {
        return H2ProjectRepository.open(at(dir));
    }

    static H2ProjectRepository open(Path dir, Clock clock) throws StoreException {
        return H2ProjectRepository.open(at(dir), clock, H2ProjectRepository.DEFAULT_COALESCE_WINDOW);
    }

    static H2ProjectRepository openReadOnly(Path dir) throws StoreException {
        return H2ProjectRepository.open(at(dir), new H2ProjectRepository.Options(Clock.systemUTC(),
                H2ProjectRepository.DEFAULT_COALESCE_WINDOW, true, H2Access.FILE_SCHEME));
    }

    /** A small design as canonical-looking YAML; {@code marker} makes each one different. */
    static String yaml(String name, String marker) {
        return "quorum: 1\nname: \"" + name + "\"\nsummary: |\n  " + marker + "\n";
    }

    static RevisionDraft save(String yaml) {
        return RevisionDraft.save(yaml, "tester", "saved", null);
    }

    static RevisionDraft autosave(String yaml) {
        return RevisionDraft.autosave(yaml, "tester", null);
    }

    /** A clock that stays where the test puts it. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
