package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashRateProbeTest {

    private static final byte[] SALT = "sixteen byte slt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void bcryptHashesThatTheLibraryVerifies() {
        String hash = HashRateProbe.bcrypt("hunter2".toCharArray(), SALT, 10);
        assertThat(hash).startsWith("$2y$10$").hasSize(60);
        assertThat(HashRateProbe.bcryptVerify(hash, "hunter2".toCharArray())).isTrue();
        assertThat(HashRateProbe.bcryptVerify(hash, "hunter3".toCharArray())).isFalse();
    }

    @Test
    void argon2idHashesThatVerifyAndDependOnTheSalt() {
        byte[] tag = HashRateProbe.argon2id("hunter2".toCharArray(), SALT);
        assertThat(tag).hasSize(HashRateProbe.ARGON2_HASH_BYTES);
        assertThat(HashRateProbe.argon2idVerify(tag, "hunter2".toCharArray(), SALT)).isTrue();
        assertThat(HashRateProbe.argon2idVerify(tag, "hunter3".toCharArray(), SALT)).isFalse();
        byte[] otherSalt = SALT.clone();
        otherSalt[0] ^= 1;
        assertThat(HashRateProbe.argon2idVerify(tag, "hunter2".toCharArray(), otherSalt)).isFalse();
    }

    @Test
    void costTwelveTakesLongerThanCostTen() {
        HashRateProbe.Rate ten = HashRateProbe.bcryptRate(10, 0.3);
        HashRateProbe.Rate twelve = HashRateProbe.bcryptRate(12, 0.3);
        assertThat(ten.hashes()).isPositive();
        assertThat(twelve.hashes()).isPositive();
        // Four times the work per hash: the rate must fall, by far more than timing noise on a shared machine.
        assertThat(twelve.perCpuSecond()).isLessThan(ten.perCpuSecond());
        assertThat(twelve.cpuSeconds()).isPositive();
        assertThat(HashRateProbe.argon2idRate(0.1).hashes()).isPositive();
    }
}
