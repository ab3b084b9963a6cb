package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/**
 * Independent random number streams derived from one seed, one per purpose ("arrivals", "service", ...).
 * A stream depends only on the seed and its purpose's name, never on the order streams are asked for, so
 * adding a stream to a model leaves the draws of the others unchanged and a seed reproduces a run bit for bit.
 */
public final class RandomStreams {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The seed the streams derive from. */
    public long seed() {
        return seed;
    }

    /** A fresh generator for {@code purpose}; asking twice for the same purpose gives two identical generators. */
    public SplittableRandom stream(String purpose) {
        return new SplittableRandom(mix64(seed ^ mix64(fnv1a(purpose))));
    }

    /** The seed of replication {@code index} (0-based) of a run seeded with {@code baseSeed}. */
    public static long replicationSeed(long baseSeed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("replication index " + index);
        }
        return mix64(baseSeed + (index + 1L) * GOLDEN_GAMMA);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 code units; stable across JVMs, unlike identity hashes. */
    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }
}
