package dev.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    private static final Metric P99 = Metric.of("p99");
    private static final Metric TPS = Metric.of("throughput");
    private static final Metric ERR = Metric.of("errorRate");

    @Test
    void latencyHasOneDecimalOrThreeSignificantDigitsBelowOneMillisecond() {
        assertThat(Units.value(P99, 312.44)).isEqualTo("312.4 ms");
        assertThat(Units.value(P99, 241.0)).isEqualTo("241.0 ms");
        assertThat(Units.value(P99, 0.41249)).isEqualTo("0.412 ms");
        assertThat(Units.value(P99, 0.0412)).isEqualTo("0.0412 ms");
        assertThat(Units.value(P99, 0)).isEqualTo("0.0 ms");
        assertThat(Units.latencyNumber(1234.56)).isEqualTo("1234.6");
    }

    @Test
    void throughputAndErrorRate() {
        assertThat(Units.value(TPS, 812)).isEqualTo("812.0/s");
        assertThat(Units.value(ERR, 0.0025)).isEqualTo("0.25 %");
        assertThat(Units.limit(TPS, 1000)).isEqualTo("1000/s");
        assertThat(Units.limit(ERR, 0.005)).isEqualTo("0.5 %");
        assertThat(Units.limit(P99, 250)).isEqualTo("250 ms");
        assertThat(Units.limit(P99, 0.9)).isEqualTo("0.9 ms");
        assertThat(Units.percent(0.1)).isEqualTo("10 %");
    }

    @Test
    void changes() {
        assertThat(Units.signedChange(312.4, 241.0)).isEqualTo("+29.6 %");
        assertThat(Units.signedChange(812.0, 1010.5)).isEqualTo("-19.6 %");
        assertThat(Units.signedChange(10.0, 10.0)).isEqualTo("+0.0 %");
        assertThat(Units.signedChange(99.9999, 100)).isEqualTo("+0.0 %");
        assertThat(Units.signedChange(1, 0)).isEqualTo("n/a");
    }

    @Test
    void violationsAreNeverPrintedAsEqualToTheLimit() {
        assertThat(Units.valueBeyond(P99, 250.04, 250, true)).isEqualTo("250.04 ms");
        assertThat(Units.valueBeyond(P99, 312.44, 250, true)).isEqualTo("312.4 ms");
        assertThat(Units.valueBeyond(TPS, 999.96, 1000, false)).isEqualTo("999.96/s");
        assertThat(Units.valueBeyond(ERR, 0.01001, 0.01, true)).isEqualTo("1.001 %");
        assertThat(Units.signedPercentBeyond(0.10004, 0.10)).isEqualTo("+10.004 %");
        assertThat(Units.signedPercentBeyond(-0.1500, 0.10)).isEqualTo("-15.0 %");
    }
}
