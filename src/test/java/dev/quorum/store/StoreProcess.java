package dev.quorum.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM that holds a store open and takes one-line commands (see {@link StoreHolderMain}), for tests
 * of two processes sharing, or fighting over, one store.
 */
final class StoreProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final long pid;

    private StoreProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the store process did not start: " + ready);
        }
        this.pid = Long.parseLong(ready.substring(6).strip());
    }

    /** A Quorum process holding the store the normal way (shared through AUTO_SERVER). */
    static StoreProcess start(Path store) throws IOException {
        return launch(store, "shared");
    }

    /** A process holding the store with plain H2 and no AUTO_SERVER, as an H2 tool or an old program would. */
    static StoreProcess startPlain(Path store) throws IOException {
        return launch(store, "plain");
    }

    private static StoreProcess launch(Path store, String mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                StoreHolderMain.class.getName(), store.toString(), mode));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new StoreProcess(pb.start());
    }

    /** The java binary of the running JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return pid;
    }

    /** Sends one command and returns the one-line answer. */
    String send(String command) throws IOException {
        in.println(command);
        String answer = out.readLine();
        if (answer == null) {
            throw new IOException("the store process ended");
        }
        return answer;
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            in.println("quit");
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
