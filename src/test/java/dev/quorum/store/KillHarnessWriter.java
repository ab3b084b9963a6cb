package dev.quorum.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The writer process of the kill -9 harness: opens the store and saves revisions as fast as it can until it
 * is killed. After each save returns it prints {@code ACK seq project revision sha kind END}; a line cut
 * off by the kill lacks {@code END} and does not count as acknowledged.
 * Arguments: store directory, first sequence number, random seed.
 */
public final class KillHarnessWriter {

    static final int PROJECTS = 3;

    private KillHarnessWriter() {
    }

    /** The design text for save {@code seq} of project {@code name}; sizes vary from 100 B to about 60 KB. */
    static String content(String name, long seq) {
        Random r = new Random(seq * 31 + name.hashCode());
        int lines = 1 + r.nextInt(1200);
        StringBuilder s = new StringBuilder(64 + lines * 50);
        s.append("quorum: 1\nname: \"").append(name).append("\"\nsummary: |\n  seq ").append(seq).append('\n');
        for (int i = 0; i < lines; i++) {
            s.append("  line ").append(i).append(" of save ").append(seq).append(' ').append(Long.toHexString(r.nextLong())).append('\n');
        }
        return s.toString();
    }

    /** The sequence number written into a design by {@link #content}, or -1. */
    static long seqOf(String yaml) {
        int at = yaml.indexOf("summary: |\n  seq ");
        if (at < 0) {
            return -1;
        }
        int start = at + "summary: |\n  seq ".length();
        int end = yaml.indexOf('\n', start);
        try {
            return Long.parseLong(yaml.substring(start, end));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seq = Long.parseLong(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir))) {
            List<ProjectSummary> projects = new ArrayList<>(repo.list());
            System.out.println("READY");
            System.out.flush();
            while (true) {
                seq++;
                if (projects.size() < PROJECTS) {
                    String name = "kh-" + projects.size();
                    SaveResult r = repo.create(name, RevisionDraft.save(content(name, seq), "harness", "create", null));
                    projects.add(r.project());
                    ack(seq, r, "save");
                    continue;
                }
                int i = random.nextInt(projects.size());
                ProjectSummary p = projects.get(i);
                boolean autosave = random.nextInt(10) < 4;
                String yaml = content(p.name(), seq);
                RevisionDraft draft = autosave ? RevisionDraft.autosave(yaml, "harness", null)
                        : RevisionDraft.save(yaml, "harness", "save " + seq, null);
                SaveResult r = repo.save(p.id(), p.version(), draft);
                projects.set(i, r.project());
                ack(seq, r, autosave ? "autosave" : "save");
            }
        }
    }

    private static void ack(long seq, SaveResult r, String kind) {
        System.out.println("ACK " + seq + " " + r.project().id() + " " + r.revision().number() + " " + r.revision().sha256()
                + " " + kind + " END");
        System.out.flush();
    }
}
