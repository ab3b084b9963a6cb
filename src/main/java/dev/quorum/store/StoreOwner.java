package dev.quorum.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The process that has the store open and serves it to other processes. H2's lock file names only a
 * port, so Quorum writes its own small file with the process id and host, which "in use" messages quote.
 */
record StoreOwner(long pid, String host, Instant since) {

    /** This process. */
    static StoreOwner current() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this computer";
        }
        return new StoreOwner(ProcessHandle.current().pid(), host, Instant.now());
    }

    /** True while the owner's process still runs (on this host). */
    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** "process 1234 on host" for messages. */
    String describe() {
        return "process " + pid + " on " + host + " (since " + since + ")";
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("host", host);
        p.setProperty("since", since.toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "The Quorum process that has this store open");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The recorded owner, if the file exists and reads. */
    static Optional<StoreOwner> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new StoreOwner(Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("host", "?"),
                    Instant.parse(p.getProperty("since", Instant.EPOCH.toString()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
