package dev.quorum.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * The bad-disk checks on real file systems, run by scripts/bad-conditions.sh as root on a small tmpfs:
 * {@code fill DIR} saves ever larger designs until the disk is full; {@code reopen DIR} checks the store
 * still opens on the full disk; {@code verify DIR} (after the script gives the tmpfs more room) checks
 * that the last acknowledged revision is intact and saving works again; {@code readonly DIR} (on a
 * read-only remount) checks the store opens read-only, lists, and refuses changes with a clear message.
 * Each step prints what it saw and exits 1 when a check fails.
 */
public final class DiskConditionsCheck {

    private DiskConditionsCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Path ack = dir.resolveSibling(dir.getFileName() + ".ack");
        switch (args[0]) {
            case "fill" -> fill(dir, ack);
            case "reopen" -> {
                try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir))) {
                    System.out.println("reopen on the full disk: opened, " + repo.list().size() + " project(s), read-only="
                            + repo.readOnly());
                } catch (StoreException e) {
                    System.out.println("reopen on the full disk: refused with: " + e.getMessage());
                }
            }
            case "verify" -> verify(dir, ack);
            case "readonly" -> readOnly(dir);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void fill(Path dir, Path ack) throws Exception {
        Random random = new Random(7);
        try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir))) {
            SaveResult last = repo.create("Disk", RevisionDraft.save("quorum: 1\nname: Disk\n", "check", "first", null));
            for (int i = 1; ; i++) {
                StringBuilder yaml = new StringBuilder("quorum: 1\nname: Disk\nsummary: |\n");
                for (int line = 0; line < 2000 * i; line++) {
                    yaml.append("  ").append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append('\n');
                }
                try {
                    last = repo.save(last.project().id(), last.project().version(),
                            RevisionDraft.save(yaml.toString(), "check", "save " + i, null));
                    Files.writeString(ack, last.project().id() + " " + last.revision().number() + " " + last.revision().sha256());
                    System.out.println("saved revision " + last.revision().number() + " (" + yaml.length() / 1024 + " KB)");
                } catch (StoreException e) {
                    System.out.println("full disk: save " + i + " (" + yaml.length() / 1024 + " KB) failed with: " + e.getMessage());
                    break;
                }
            }
        } catch (RuntimeException e) {
            System.out.println("closing the store on the full disk threw " + e);
        }
    }

    private static void verify(Path dir, Path ack) throws Exception {
        String[] a = Files.readString(ack).split(" ");
        UUID id = UUID.fromString(a[0]);
        int number = Integer.parseInt(a[1]);
        try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir))) {
            Revision r = repo.current(id);
            boolean intact = r.info().number() == number && r.info().sha256().equals(a[2])
                    && H2ProjectRepository.sha256(r.yaml()).equals(a[2]);
            StoreIntegrity integrity = repo.verify();
            System.out.println("after freeing space: last acknowledged revision " + number + (intact ? " intact" : " NOT INTACT")
                    + ", integrity problems: " + integrity.problems().size());
            SaveResult again = repo.save(id, repo.find(id).version(), RevisionDraft.save("quorum: 1\nname: Disk\n", "check", "after", null));
            System.out.println("saving again works: revision " + again.revision().number());
            if (!intact || !integrity.problems().isEmpty()) {
                System.exit(1);
            }
        }
    }

    private static void readOnly(Path dir) throws Exception {
        try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir))) {
            System.out.println("read-only mount: opened read-only=" + repo.readOnly() + ", " + repo.list().size() + " project(s)");
            UUID id = repo.list().get(0).id();
            try {
                repo.save(id, repo.find(id).version(), RevisionDraft.save("x", "check", "", null));
                System.out.println("read-only mount: a save was accepted (WRONG)");
                System.exit(1);
            } catch (StoreReadOnlyException e) {
                System.out.println("read-only mount: save refused with: " + e.getMessage());
            }
            if (!repo.readOnly()) {
                System.exit(1);
            }
        }
    }
}
