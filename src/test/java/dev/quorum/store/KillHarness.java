package dev.quorum.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The kill -9 harness. Each round starts a {@link KillHarnessWriter} JVM on one store, SIGKILLs it
 * ({@link Process#destroyForcibly()}) at a random moment: in five rounds of six up to 1.5 s after the writer
 * opened the store and began saving, in the sixth up to 1.5 s after launch, while its JVM starts or the
 * store opens. Then it reopens the store in this JVM
 * and checks three things: the store opens; every save the writer acknowledged is there (the new ones every
 * round, all of them every tenth round and after the last); and no partial
 * revision is visible (every new or rewritten revision is exactly the text its save wrote; every tenth
 * round and after the last, every revision matches its checksum and every project's pointer and count
 * agree with its revisions).
 */
public final class KillHarness {

    /** One acknowledged save. */
    record Ack(long seq, UUID project, int revision, String sha, boolean autosave) {
    }

    /** The outcome of a run. */
    public record Result(int kills, int killsBeforeReady, long acknowledged, long lost, long partial, int failedOpens,
            long medianReopenMillis, long maxReopenMillis, List<String> problems) {

        /** One line for logs and docs. */
        public String summary() {
            return "kills=" + kills + " (before the store was ready: " + killsBeforeReady + ") acknowledged=" + acknowledged
                    + " lost=" + lost + " partial=" + partial + " failedOpens=" + failedOpens + " reopen median="
                    + medianReopenMillis + " ms max=" + maxReopenMillis + " ms";
        }
    }

    private KillHarness() {
    }

    /** Runs {@code kills} rounds on the store in {@code dir}. */
    public static Result run(Path dir, int kills, long seed, PrintStream log) throws Exception {
        Random random = new Random(seed);
        Map<String, Ack> acked = new HashMap<>();
        Map<UUID, Integer> checked = new HashMap<>();
        List<Long> reopen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long seq = 0;
        long acknowledged = 0;
        long lost = 0;
        long partial = 0;
        int failedOpens = 0;
        int beforeReady = 0;
        for (int round = 1; round <= kills; round++) {
            Process writer = new ProcessBuilder(StoreProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    KillHarnessWriter.class.getName(), dir.toString(), Long.toString(seq), Long.toString(random.nextLong()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // The pipe breaks when the writer dies; everything read so far is in the list.
                }
            });
            reader.start();
            // Most kills land while the writer saves; one in six while its JVM starts or the store opens.
            boolean early = random.nextInt(6) == 0;
            long launched = System.nanoTime();
            if (!early) {
                long deadline = launched + TimeUnit.SECONDS.toNanos(30);
                while (!lines.contains("READY") && writer.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            Thread.sleep(random.nextInt(1500));
            long delay = (System.nanoTime() - launched) / 1_000_000;
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);

            boolean ready = lines.contains("READY");
            if (!ready) {
                beforeReady++;
            }
            int roundAcks = 0;
            List<Ack> fresh = new ArrayList<>();
            for (String line : lines) {
                String[] p = line.split(" ");
                if (p.length == 7 && p[0].equals("ACK") && p[6].equals("END")) {
                    Ack a = new Ack(Long.parseLong(p[1]), UUID.fromString(p[2]), Integer.parseInt(p[3]), p[4], p[5].equals("autosave"));
                    acked.put(a.project() + "/" + a.revision(), a);
                    fresh.add(a);
                    seq = Math.max(seq, a.seq());
                    roundAcks++;
                }
            }
            // Saves begun but not acknowledged may be on disk too; skip past their numbers.
            seq += 1000;
            acknowledged += roundAcks;

            long t0 = System.nanoTime();
            H2ProjectRepository repo;
            try {
                repo = H2ProjectRepository.open(new StoreLocation(dir));
            } catch (StoreException e) {
                failedOpens++;
                problems.add("round " + round + ": the store did not open: " + e.getMessage());
                log.println("round " + round + ": FAILED TO OPEN: " + e.getMessage());
                continue;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            reopen.add(ms);
            int problemsBefore = problems.size();
            long roundLost = 0;
            long roundPartial = 0;
            // New acknowledgements every round; all of them again every tenth round and after the last.
            boolean full = round % 10 == 0 || round == kills;
            List<Ack> gone = new ArrayList<>();
            try (repo) {
                for (Ack a : full ? List.copyOf(acked.values()) : fresh) {
                    Revision r;
                    try {
                        r = repo.revision(a.project(), a.revision());
                    } catch (ProjectNotFoundException e) {
                        roundLost++;
                        gone.add(a);
                        problems.add("round " + round + ": acknowledged save " + a + " is missing");
                        continue;
                    }
                    long stored = KillHarnessWriter.seqOf(r.yaml());
                    boolean same = stored == a.seq() && r.info().sha256().equals(a.sha());
                    // A later autosave may have rewritten an acknowledged autosave revision in place; that is its job.
                    boolean superseded = a.autosave() && r.info().autosave() && stored > a.seq();
                    if (!same && !superseded) {
                        roundLost++;
                        gone.add(a);
                        problems.add("round " + round + ": acknowledged save " + a + " was replaced by seq " + stored);
                    }
                }
                for (ProjectSummary p : repo.list()) {
                    // Older revisions were checked in earlier rounds and never change; an autosave may rewrite the current one.
                    int from = Math.min(checked.getOrDefault(p.id(), 0), p.revisionCount() - 1);
                    checked.put(p.id(), p.revisionCount());
                    for (RevisionInfo info : repo.history(p.id())) {
                        if (info.number() <= from) {
                            continue;
                        }
                        Revision r = repo.revision(p.id(), info.number());
                        long stored = KillHarnessWriter.seqOf(r.yaml());
                        if (stored < 0 || !r.yaml().equals(KillHarnessWriter.content(p.name(), stored))) {
                            roundPartial++;
                            problems.add("round " + round + ": revision " + info.number() + " of " + p.name()
                                    + " is not the whole text of any save");
                        }
                    }
                }
                // Every revision's checksum, all pointers and counts: each tenth round and the last.
                List<String> integrity = full ? repo.verify().problems() : List.of();
                roundPartial += integrity.size();
                for (String i : integrity) {
                    problems.add("round " + round + ": " + i);
                }
            }
            lost += roundLost;
            partial += roundPartial;
            // A lost save is counted once, not again at every full check.
            gone.forEach(g -> acked.remove(g.project() + "/" + g.revision()));
            for (String problem : problems.subList(problemsBefore, problems.size())) {
                log.println("  " + problem);
            }
            log.printf("round %3d: killed after %4d ms (%s), %4d acknowledged this round, reopened in %4d ms, lost %d, partial %d%n",
                    round, delay, ready ? "saving" : "before the store was ready", roundAcks, ms, roundLost, roundPartial);
        }
        List<Long> sorted = new ArrayList<>(reopen);
        Collections.sort(sorted);
        long median = sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
        long max = sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
        return new Result(kills, beforeReady, acknowledged, lost, partial, failedOpens, median, max, problems);
    }

    /** {@code KillHarness [kills] [store-dir] [seed]}: the long run, used by scripts/kill-harness.sh. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("quorum-kill-harness-");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        System.out.println("kill -9 harness: " + kills + " kills on " + dir + " (seed " + seed + ")");
        Result r = run(dir, kills, seed, System.out);
        System.out.println(r.summary());
        r.problems().forEach(p -> System.out.println("  " + p));
        System.exit(r.lost() == 0 && r.partial() == 0 && r.failedOpens() == 0 ? 0 : 1);
    }
}
