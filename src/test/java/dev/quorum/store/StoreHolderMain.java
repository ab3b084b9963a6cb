package dev.quorum.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;

/**
 * The child side of {@link StoreProcess}: opens a store and answers one-line commands on stdin:
 * {@code create NAME}, {@code save ID VERSION TEXT}, {@code list}, {@code quit}.
 */
public final class StoreHolderMain {

    private StoreHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("plain".equals(args[1])) {
            StoreCredentials c = StoreCredentials.read(dir.resolve("quorum.credentials"));
            try (Connection held = H2Access.connect("jdbc:h2:file:" + dir.resolve("quorum"), c.adminUser(), c.adminPassword())) {
                held.isValid(1);
                System.out.println("READY " + ProcessHandle.current().pid());
                for (String line; (line = in.readLine()) != null && !line.equals("quit");) {
                    System.out.println("IGNORED");
                }
            }
            return;
        }
        try (H2ProjectRepository repo = H2ProjectRepository.open(new StoreLocation(dir))) {
            System.out.println("READY " + ProcessHandle.current().pid());
            for (String line; (line = in.readLine()) != null && !line.equals("quit");) {
                String[] p = line.split(" ", 4);
                try {
                    switch (p[0]) {
                        case "create" -> {
                            SaveResult r = repo.create(p[1], RevisionDraft.save(p[1], "child", "created by the child", null));
                            System.out.println("CREATED " + r.project().id() + " " + r.project().version());
                        }
                        case "save" -> {
                            SaveResult r = repo.save(UUID.fromString(p[1]), Long.parseLong(p[2]),
                                    RevisionDraft.save(p[3], "child", "saved by the child", null));
                            System.out.println("SAVED " + r.project().version() + " " + r.revision().number());
                        }
                        case "list" -> System.out.println("LIST " + repo.list().size() + " owns=" + repo.ownsStore());
                        default -> System.out.println("UNKNOWN " + line);
                    }
                } catch (StoreConflictException e) {
                    System.out.println("CONFLICT " + e.expectedVersion() + " " + e.currentVersion());
                } catch (StoreException e) {
                    System.out.println("ERROR " + e.getMessage());
                }
            }
        }
    }
}
