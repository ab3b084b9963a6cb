package dev.quorum.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void valuesAreReadAsPeopleTypeThem() {
        assertThat(Unit.SECONDS.parse("1h30m")).isEqualTo(5400);
        assertThat(Unit.SECONDS.parse("never")).isInfinite();
        assertThat(Unit.PER_SECOND.parse("1,200/min")).isEqualTo(20);
        assertThat(Unit.BYTES.parse("1.5 TB")).isEqualTo(1.5e12);
        assertThat(Unit.BYTES_PER_SECOND.parse("100 MB/s")).isEqualTo(1e8);
        assertThat(Unit.RATIO.parse("5%")).isEqualTo(0.05);
        assertThat(Unit.RATIO.parse("0.25")).isEqualTo(0.25);
        assertThat(Unit.FACTOR.parse("10x")).isEqualTo(10);
        assertThat(Unit.COUNT.parse("200,000")).isEqualTo(200_000);
        assertThatThrownBy(() -> Unit.SECONDS.parse("5")).hasMessageContaining("has no unit");
        assertThatThrownBy(() -> Unit.RATIO.parse("lots")).hasMessage("expected a share such as '5%' or '0.05'");
        assertThatThrownBy(() -> Unit.COUNT.parse("")).hasMessage("no value given");
    }

    @Test
    void valuesAreShownToThreeSignificantDigitsWithTheirUnit() {
        assertThat(Unit.SECONDS.format(0.9998)).isEqualTo("1 s");
        assertThat(Unit.SECONDS.format(0.00157)).isEqualTo("1.57 ms");
        assertThat(Unit.SECONDS.format(14_000)).isEqualTo("3.89 h");
        assertThat(Unit.SECONDS.format(3600)).isEqualTo("1 h");
        assertThat(Unit.SECONDS.format(1800)).isEqualTo("30 min");
        assertThat(Unit.SECONDS.format(Double.POSITIVE_INFINITY)).isEqualTo("never");
        assertThat(Unit.PER_SECOND.format(80.0833)).isEqualTo("80.1/s");
        assertThat(Unit.PER_SECOND.format(1.0 / 3600)).isEqualTo("1/h");
        assertThat(Unit.BYTES.format(1056.19e9)).isEqualTo("1.06 TB");
        assertThat(Unit.BYTES.format(999.9e6)).isEqualTo("1 GB");
        assertThat(Unit.RATIO.format(0.972)).isEqualTo("97.2%");
        assertThat(Unit.RATIO.format(0.99963)).isEqualTo("99.963%");
        assertThat(Unit.RATIO.format(1)).isEqualTo("100%");
        assertThat(Unit.RATIO.format(1.77e-32)).isEqualTo("1.77e-30%");
        assertThat(Unit.COUNT.format(2413)).isEqualTo("2,410");
        assertThat(Unit.COUNT.format(0.742)).isEqualTo("0.742");
        assertThat(Unit.COUNT.format(Double.NaN)).isEqualTo("n/a");
    }
}
