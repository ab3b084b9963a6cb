package dev.quorum.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.AccessPattern;
import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the models read from the sample designs, and from where. */
class DesignFactsTest {

    private static Design sample(String name) throws Exception {
        return new DesignYaml().read(Path.of("samples", name)).design();
    }

    @Test
    void paymentsGivesItsWriteRateModeLagPoolAndQueryTime() throws Exception {
        Design d = sample("payments.quorum.yaml");
        DesignValue writes = DesignFacts.writeRate(d).orElseThrow();
        // 40/s + 40/s + 300 per hour: the three write-heavy queries.
        assertThat(writes.number()).isCloseTo(80 + 300.0 / 3600, within(1e-9));
        assertThat(writes.field()).isEqualTo("queries[*].frequency");
        assertThat(DesignFacts.readRate(d).orElseThrow().number()).isCloseTo(75 + 1.0 / 3600, within(1e-9));
        DesignValue mode = DesignFacts.replicationMode(d).orElseThrow();
        assertThat(mode.choice()).isEqualTo("sync");
        assertThat(mode.field()).isEqualTo("replication.topology.links[0].mode");
        // The expected lag reads 0, so the async lag is the cross-region link's.
        DesignValue lag = DesignFacts.asyncLag(d).orElseThrow();
        assertThat(lag.number()).isEqualTo(1.0);
        assertThat(lag.field()).isEqualTo("replication.topology.links[2].lag");
        assertThat(DesignFacts.poolSize(d).orElseThrow().number()).isEqualTo(30);
        assertThat(DesignFacts.poolSize(d).orElseThrow().field()).isEqualTo("concurrency.reads.handling");
        assertThat(DesignFacts.serviceTime(d).orElseThrow().number()).isCloseTo(0.006, within(1e-12));
        assertThat(DesignFacts.rpo(d).orElseThrow().number()).isZero();
        assertThat(DesignFacts.rto(d).orElseThrow().number()).isEqualTo(4 * 3600.0);
        assertThat(DesignFacts.logShipping(d).orElseThrow().choice()).isEqualTo("on");
        assertThat(DesignFacts.backupInterval(d).orElseThrow().number()).isEqualTo(6 * 3600.0);
        assertThat(DesignFacts.cacheTtl(d)).isEmpty();
        // 0.1 + 240 + 0.09 + 160 + 256 GB; audit_log (400 GB) lives in S3 file storage and is not restored.
        DesignValue size = DesignFacts.dataSize(d).orElseThrow();
        assertThat(size.number()).isCloseTo(656.19e9, within(1e7));
        assertThat(size.text()).isEqualTo("sum of 5 size estimates; 1 kept only in a cache or file storage left out");
    }

    @Test
    void theFlawedStartupStatesItsSmallPoolItsFixedTtlAndTwoPrimaries() throws Exception {
        Design d = sample("flawed-startup.quorum.yaml");
        assertThat(DesignFacts.poolSize(d).orElseThrow().number()).isEqualTo(5);
        assertThat(DesignFacts.cacheTtl(d).orElseThrow().number()).isEqualTo(3600);
        assertThat(DesignFacts.jitter(d, 0.1).orElseThrow().number()).isZero();
        assertThat(DesignFacts.coalescing(d)).isEmpty();
        assertThat(DesignFacts.nodeCount(d, NodeRole.PRIMARY).orElseThrow().number()).isEqualTo(2);
        assertThat(DesignFacts.primaryLag(d).orElseThrow().number()).isEqualTo(5);
        assertThat(DesignFacts.lag(d).orElseThrow().number()).isEqualTo(90 * 60.0);
        assertThat(DesignFacts.serviceTime(d).orElseThrow().number()).isCloseTo(0.1, within(1e-12));
        assertThat(DesignFacts.writeRate(d).orElseThrow().text()).doesNotContain("unreadable");
        assertThat(DesignFacts.readRate(d).orElseThrow().text()).contains("1 with an unreadable frequency left out");
        assertThat(new MultiPrimaryModel().notApplicable(d)).isEmpty();
    }

    @Test
    void theEcommerceSampleJittersAndCoalesces() throws Exception {
        Design d = sample("ecommerce.quorum.yaml");
        assertThat(DesignFacts.cacheTtl(d).orElseThrow().number()).isEqualTo(300);
        assertThat(DesignFacts.jitter(d, 0.1).orElseThrow().number()).isCloseTo(0.1, within(1e-12));
        assertThat(DesignFacts.coalescing(d)).isPresent();
        assertThat(new ThunderingHerdModel().fromDesign(d).get("design_variant").choice()).isEqualTo("jitter_coalescing");
        assertThat(DesignFacts.poolSize(d).orElseThrow().number()).isEqualTo(40);
        assertThat(new MultiPrimaryModel().notApplicable(d)).contains("the design has a single primary (replication strategy primary-replica, 1 primary node)");
    }

    @Test
    void writesAreClassifiedByAccessPatternThenByTheFirstWordOfEachStatement() {
        Query writeHeavy = new Query("a", "", Rate.of("1/s"), "", List.of(), AccessPattern.WRITE_HEAVY, "SELECT 1");
        Query readHeavy = new Query("b", "", Rate.of("1/s"), "", List.of(), AccessPattern.READ_HEAVY, "UPDATE t SET x = 1");
        Query mixedRead = new Query("c", "", Rate.of("1/s"), "", List.of(), AccessPattern.MIXED, "SELECT * FROM t WHERE updated");
        Query mixedWrite = new Query("d", "", Rate.of("1/s"), "", List.of(), AccessPattern.MIXED, "SELECT 1;\n  -- then\n  delete from t");
        Query unset = new Query("e", "", Rate.of("1/s"), "", List.of(), null, "-- upsert\nINSERT INTO t VALUES (1)");
        assertThat(DesignFacts.isWrite(writeHeavy)).isTrue();
        assertThat(DesignFacts.isWrite(readHeavy)).isFalse();
        assertThat(DesignFacts.isWrite(mixedRead)).isFalse();
        assertThat(DesignFacts.isWrite(mixedWrite)).isTrue();
        assertThat(DesignFacts.isWrite(unset)).isTrue();
    }
}
