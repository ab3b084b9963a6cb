package dev.quorum.sim.scenarios.guide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Measures how many password hashes this machine computes per second with a real library (Bouncy Castle):
 * bcrypt at a given cost and argon2id at OWASP's minimum parameters. It reads the wall clock, so the stolen-db
 * model never uses it in a run; the benchmark reports its figures beside the published GPU rates.
 */
public final class HashRateProbe {

    /** OWASP Password Storage Cheat Sheet minimum for argon2id: 19 MiB of memory. */
    public static final int ARGON2_MEMORY_KIB = 19 * 1024;
    /** OWASP minimum for argon2id: two passes over the memory. */
    public static final int ARGON2_ITERATIONS = 2;
    /** OWASP minimum for argon2id: one lane. */
    public static final int ARGON2_PARALLELISM = 1;
    /** Length of the argon2id tag, as most libraries store it. */
    public static final int ARGON2_HASH_BYTES = 32;

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    /** Where each measurement's folded results go, so the work cannot be optimised away. */
    private static volatile int blackhole;

    private HashRateProbe() {
    }

    /**
     * A measured rate: how many hashes were computed in how many seconds of wall-clock time and of the measuring
     * thread's CPU time (equal to the wall-clock time when the JVM cannot measure thread CPU time).
     */
    public record Rate(long hashes, double seconds, double cpuSeconds) {

        /** Hashes per second of wall-clock time. */
        public double perSecond() {
            return hashes / seconds;
        }

        /** Hashes per second of one core's time: unlike {@link #perSecond()}, not lowered by other processes. */
        public double perCpuSecond() {
            return hashes / cpuSeconds;
        }
    }

    /** The bcrypt string ($2y$cost$salt+hash) of {@code password} with a 16-byte salt at {@code cost} (4 to 31). */
    public static String bcrypt(char[] password, byte[] salt, int cost) {
        return OpenBSDBCrypt.generate(password, salt, cost);
    }

    /** True when {@code password} matches the bcrypt string, checked by the library in constant time. */
    public static boolean bcryptVerify(String hash, char[] password) {
        return OpenBSDBCrypt.checkPassword(hash, password);
    }

    /** The raw argon2id tag of {@code password} with {@code salt} at OWASP's minimum parameters. */
    public static byte[] argon2id(char[] password, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(ARGON2_MEMORY_KIB)
                .withIterations(ARGON2_ITERATIONS)
                .withParallelism(ARGON2_PARALLELISM)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[ARGON2_HASH_BYTES];
        generator.generateBytes(password, tag);
        return tag;
    }

    /** True when {@code password} with {@code salt} gives {@code tag}; compared in constant time. */
    public static boolean argon2idVerify(byte[] tag, char[] password, byte[] salt) {
        return MessageDigest.isEqual(tag, argon2id(password, salt));
    }

    /**
     * bcrypt hashes per second at {@code cost}, hashing for about {@code budgetSeconds} of this thread's CPU time
     * (at least one hash, so a high cost may overrun the budget by one hash).
     */
    public static Rate bcryptRate(int cost, double budgetSeconds) {
        byte[] salt = salt(cost);
        return measure(budgetSeconds, i -> {
            salt[0] = (byte) i;
            return bcrypt(PASSWORD, salt, cost).length();
        });
    }

    /** argon2id hashes per second at OWASP's minimum parameters, hashing for about {@code budgetSeconds} of CPU time. */
    public static Rate argon2idRate(double budgetSeconds) {
        byte[] salt = salt(0);
        return measure(budgetSeconds, i -> {
            salt[0] = (byte) i;
            return argon2id(PASSWORD, salt)[0];
        });
    }

    /** One hash computation, returning part of its result. */
    private interface Hashing {
        int hash(long index);
    }

    private static Rate measure(double budgetSeconds, Hashing hashing) {
        if (!(budgetSeconds > 0)) {
            throw new IllegalArgumentException("the budget must be a positive number of seconds");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // CPU time keeps the budget and the rate meaningful on a machine shared with other work.
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long budget = (long) (budgetSeconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long wall;
        long used;
        long n = 0;
        int sink = 0;
        do {
            sink += hashing.hash(n++);
            wall = System.nanoTime() - start;
            used = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : wall;
        } while (used < budget);
        blackhole = sink;
        return new Rate(n, wall / 1e9, used / 1e9);
    }

    private static byte[] salt(int seed) {
        byte[] salt = new byte[16];
        Arrays.fill(salt, (byte) (0x5a + seed));
        return salt;
    }
}
