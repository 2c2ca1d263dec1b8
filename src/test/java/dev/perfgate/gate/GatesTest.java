package dev.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GatesTest {
    private static final Set<String> NAMES = Set.of("GET /search", "POST /cart");

    private static Gate one(GateSpec spec) throws GateConfigException {
        List<Gate> gates = Gates.parse(List.of(spec), NAMES);
        assertThat(gates).hasSize(1);
        return gates.get(0);
    }

    private static List<String> problems(GateSpec... specs) {
        GateConfigException e = catchThrowableOfType(GateConfigException.class,
                () -> Gates.parse(List.of(specs), NAMES));
        assertThat(e).as("expected a GateConfigException").isNotNull();
        return e.problems();
    }

    private static GateSpec max(String metric, String max) {
        return new GateSpec("GET /search", metric, max, null, null, null);
    }

    @ParameterizedTest
    @CsvSource({"250ms, 250", "0.25s, 250", "900us, 0.9", "1.5ms, 1.5", "' 250 ms ', 250", "0ms, 0", "2s, 2000"})
    void latencyLimitsAreConvertedToMilliseconds(String text, double millis) throws Exception {
        assertThat(one(max("p99", text)).max()).isEqualTo(millis);
    }

    @Test
    void throughputErrorRateAndPercentages() throws Exception {
        Gate t = one(new GateSpec(null, "throughput", null, "1000/s", "10%", null));
        assertThat(t.request()).isNull();
        assertThat(t.min()).isEqualTo(1000.0);
        assertThat(t.maxRegression()).isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-12));
        Gate e = one(new GateSpec("POST /cart", "errorRate", "0.5%", null, null, null));
        assertThat(e.max()).isEqualTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
        Gate i = one(new GateSpec(" GET /search ", " p95 ", "10ms", null, null, "10%"));
        assertThat(i.request()).isEqualTo("GET /search");
        assertThat(i.minImprovement()).isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"p50, p50", "p99.9, p99.9", "p99.99, p99.99", "p75, p75", "P99, p99", "p99.90, p99.9", "p100, p100",
            "mean, mean", "MAX, max", "min, min", "Throughput, throughput", "errorrate, errorRate",
            "errorRate, errorRate"})
    void metricNamesAreCaseInsensitiveAndCanonical(String text, String canonical) {
        assertThat(Metric.parse(text)).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p0", "p100.1", "p101", "p99.5x", "q99", "p", "latency", "p-1", "error_rate"})
    void unknownMetrics(String text) {
        assertThat(Metric.parse(text)).isEmpty();
    }

    @Test
    void describe() throws Exception {
        assertThat(one(max("p99", "250ms")).describe()).isEqualTo("p99 of GET /search");
        assertThat(one(new GateSpec(null, "p99", "250ms", null, null, null)).describe())
                .isEqualTo("p99 of all requests");
    }

    @Test
    void latencyWithoutUnit() {
        assertThat(problems(max("p99", "250"))).containsExactly("gate 1 (p99 of GET /search max 250): max '250' "
                + "has no unit; p99 needs us, ms or s, e.g. 250ms, 0.25s or 900us");
    }

    @Test
    void latencyWithAnotherUnit() {
        assertThat(problems(max("p99", "250 mss"))).containsExactly("gate 1 (p99 of GET /search max 250 mss): "
                + "max '250 mss' has unit 'mss', but p99 needs us, ms or s, e.g. 250ms, 0.25s or 900us");
    }

    @Test
    void negativeLimit() {
        assertThat(problems(max("p99", "-1ms"))).containsExactly("gate 1 (p99 of GET /search max -1ms): "
                + "max '-1ms' is negative; limits must be 0 or more");
    }

    @Test
    void notANumber() {
        assertThat(problems(max("p99", "abc"))).containsExactly("gate 1 (p99 of GET /search max abc): "
                + "max 'abc' is not a number with a unit; use us, ms or s, e.g. 250ms, 0.25s or 900us");
    }

    @Test
    void percentageWithoutPercentSign() {
        assertThat(problems(new GateSpec(null, "p95", null, null, "10", null))).containsExactly(
                "gate 1 (p95 of all requests maxRegression 10): maxRegression '10' has no % sign; use a "
                        + "percentage, e.g. 10%");
    }

    @Test
    void throughputAndErrorRateUnits() {
        assertThat(problems(new GateSpec(null, "throughput", null, "1000", null, null),
                new GateSpec(null, "throughput", null, "1000ms", null, null),
                new GateSpec(null, "errorRate", "1", null, null, null),
                new GateSpec(null, "errorRate", "101%", null, null, null))).containsExactly(
                "gate 1 (throughput of all requests min 1000): min '1000' has no unit; throughput needs /s, "
                        + "e.g. 1000/s",
                "gate 2 (throughput of all requests min 1000ms): min '1000ms' has unit 'ms', but throughput needs "
                        + "/s, e.g. 1000/s",
                "gate 3 (errorRate of all requests max 1): max '1' has no unit; errorRate needs %, e.g. 1% or 0.5%",
                "gate 4 (errorRate of all requests max 101%): max '101%' is more than 100%");
    }

    @Test
    void unknownMetricNamesTheGate() {
        assertThat(problems(new GateSpec("GET /search", "p99.5x", "250ms", null, null, null),
                new GateSpec("GET /search", "p99", "250ms", null, null, null))).containsExactly(
                "gate 1 (p99.5x of GET /search max 250ms): unknown metric 'p99.5x'; use p50..p99.99, mean, max, "
                        + "min, throughput or errorRate");
    }

    @Test
    void unknownRequestListsKnownNames() {
        assertThat(problems(new GateSpec("GET /serch", "p99", "250ms", null, null, null))).containsExactly(
                "gate 1 (p99 of GET /serch max 250ms): unknown request 'GET /serch'; known requests: "
                        + "'GET /search', 'POST /cart' (omit <request> for all requests)");
    }

    @Test
    void requestNamesAreNotCheckedWhenUnknown() throws Exception {
        assertThat(Gates.parse(List.of(new GateSpec("GET /x", "p99", "1s", null, null, null)), null)).hasSize(1);
    }

    @Test
    void gateWithoutLimitOrMetric() {
        assertThat(problems(new GateSpec(null, "p99", null, null, null, null),
                new GateSpec(null, null, "1ms", null, null, null))).containsExactly(
                "gate 1 (p99 of all requests): no limit; give at least one of max, min, maxRegression or "
                        + "minImprovement",
                "gate 2 (<no metric> of all requests max 1ms): no metric; use p50..p99.99, mean, max, min, "
                        + "throughput or errorRate");
    }

    @Test
    void minImprovementOfAHundredPercentIsImpossibleForLatency() throws Exception {
        assertThat(problems(new GateSpec(null, "p99", null, null, null, "100%"))).containsExactly(
                "gate 1 (p99 of all requests minImprovement 100%): minImprovement 100% is impossible: p99 cannot "
                        + "drop by 100 % or more; use less than 100%");
        // doubling throughput is possible
        assertThat(one(new GateSpec(null, "throughput", null, null, null, "100%")).minImprovement())
                .isEqualTo(1.0);
    }

    @Test
    void minGreaterThanMax() {
        assertThat(problems(new GateSpec(null, "p99", "100ms", "0.2s", null, null))).containsExactly(
                "gate 1 (p99 of all requests max 100ms min 0.2s): min 200 ms is greater than max 100 ms");
    }

    @Test
    void minOnLatencyAndMaxOnThroughputAreAllowed() throws Exception {
        assertThat(one(new GateSpec(null, "p50", null, "1ms", null, null)).min()).isEqualTo(1.0);
        assertThat(one(new GateSpec(null, "throughput", "5000/s", null, null, null)).max()).isEqualTo(5000.0);
    }

    @Test
    void allProblemsOfAllGatesAtOnce() {
        GateConfigException e = catchThrowableOfType(GateConfigException.class, () -> Gates.parse(List.of(
                new GateSpec("GET /search", "p99", "250ms", null, null, null),
                new GateSpec("GET /nope", "p99.5x", "250", null, "ten%", null),
                new GateSpec(null, "throughput", null, "-5/s", null, null)), NAMES));
        assertThat(e.problems()).hasSize(4);
        assertThat(e.problems()).allMatch(p -> p.startsWith("gate 2 (p99.5x of GET /nope max 250 maxRegression "
                + "ten%): ") || p.startsWith("gate 3 (throughput of all requests min -5/s): "));
        assertThat(e.problems()).anyMatch(p -> p.contains("unknown request 'GET /nope'"))
                .anyMatch(p -> p.contains("unknown metric 'p99.5x'"))
                .anyMatch(p -> p.contains("maxRegression 'ten%' is not a percentage"))
                .anyMatch(p -> p.contains("min '-5/s' is negative"));
        assertThat(e.getMessage()).startsWith("invalid perfgate gate configuration (4 problems)\n  gate 2 (");
    }

    @Test
    void nothingToParse() throws Exception {
        assertThat(Gates.parse(List.of(), NAMES)).isEmpty();
        assertThat(Gates.parse(null, NAMES)).isEmpty();
        assertThatThrownBy(() -> Gates.parse(java.util.Arrays.asList((GateSpec) null), NAMES))
                .isInstanceOf(GateConfigException.class).hasMessageContaining("gate 1 is empty");
    }

    @org.junit.jupiter.api.Test
    void relativeLimitsOnErrorRateAndImpossibleThroughputDropsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gates.parse(java.util.List.of(
                new GateSpec(null, "errorRate", null, null, "10%", null),
                new GateSpec(null, "throughput", null, null, "100%", null)), java.util.Set.of()))
                .isInstanceOfSatisfying(GateConfigException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).containsExactly(
                                "gate 1 (errorRate of all requests maxRegression 10%): errorRate takes max (or min) "
                                        + "only, not maxRegression or minImprovement: error rates are mostly 0, and "
                                        + "ratios of them decide nothing; use e.g. <max>1%</max>",
                                "gate 2 (throughput of all requests maxRegression 100%): maxRegression 100% cannot "
                                        + "fail: throughput cannot drop by 100 % or more; use less than 100%"));
    }
}
