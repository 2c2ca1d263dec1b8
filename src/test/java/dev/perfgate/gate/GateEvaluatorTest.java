package dev.perfgate.gate;

import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static dev.perfgate.testing.TestRuns.spread;
import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.testing.TestRuns;

import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    private static final String CMD = "mvn package perfgate:baseline";
    private static final String SEARCH = "GET /search";
    private static final String CART = "POST /cart";

    private static List<Gate> gates(GateSpec... specs) throws GateConfigException {
        return Gates.parse(List.of(specs), Set.of(SEARCH, CART));
    }

    private static Verdict evaluate(RunResult run, RunResult baseline, GateSpec... specs) throws Exception {
        return GateEvaluator.evaluate(gates(specs), run, baseline,
                baseline == null ? BaselineState.MISSING_FAIL : BaselineState.PRESENT, CMD);
    }

    private static GateOutcome only(Verdict v) {
        assertThat(v.runProblems()).isEmpty();
        assertThat(v.outcomes()).hasSize(1);
        return v.outcomes().get(0);
    }

    /** One trial per value, each with {@code micros} for every request of GET /search. */
    private static RunResult searchRun(long... micros) {
        TestRuns r = run();
        for (long m : micros) {
            r.trial(SEARCH, req(constant(100, m)));
        }
        return r.build();
    }

    // ---- absolute ---------------------------------------------------------------------------------------------

    @Test
    void maxFailsWithValueLimitBaselineAndChange() throws Exception {
        Verdict v = evaluate(searchRun(312_000, 312_000, 312_000), searchRun(241_000, 241_000, 241_000),
                new GateSpec(SEARCH, "p99", "250ms", null, null, null));
        GateOutcome o = only(v);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.category()).isEqualTo(Category.THRESHOLD);
        assertThat(o.value()).isEqualTo(TestRuns.reported(312_000));
        assertThat(o.baselineValue()).isEqualTo(TestRuns.reported(241_000));
        assertThat(o.message()).isEqualTo(
                "p99 of GET /search is 312.1 ms, but the maximum is 250 ms (baseline 241.0 ms, +29.5 %)");
        assertThat(o.limit()).isEqualTo("max 250 ms");
        assertThat(v.passed()).isFalse();
        assertThat(v.failures()).containsExactly(o);
    }

    @Test
    void maxPassesWithoutBaseline() throws Exception {
        GateOutcome o = only(evaluate(searchRun(200_000), null, new GateSpec(SEARCH, "p99", "0.25s", null, null,
                null)));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.message()).isEqualTo("p99 of GET /search is 200.1 ms, within the maximum of 250 ms");
    }

    @Test
    void failingValueIsRoundedAwayFromTheLimit() throws Exception {
        // 1000 us ... 1001 us: p100 is 1.001 ms, which would print as "1.0 ms" with ordinary rounding
        GateOutcome o = only(evaluate(run().trial(SEARCH, req(new long[] {1000, 1001})).build(), null,
                new GateSpec(null, "max", "1ms", null, null, null)));
        assertThat(o.message()).isEqualTo("max of all requests is 1.001 ms, but the maximum is 1 ms");
    }

    @Test
    void minOnLatency() throws Exception {
        GateOutcome o = only(evaluate(searchRun(400, 400), null, new GateSpec(SEARCH, "min", null, "0.5ms", null,
                null)));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.message()).isEqualTo("min of GET /search is 0.4 ms, but the minimum is 0.5 ms");
        GateOutcome both = only(evaluate(searchRun(412, 412), null, new GateSpec(SEARCH, "p50", "1ms", "0.1ms",
                null, null)));
        assertThat(both.message()).isEqualTo(
                "p50 of GET /search is 0.412 ms, within the minimum of 0.1 ms and the maximum of 1 ms");
    }

    @Test
    void arbitraryPercentileComesFromTheMergedHistogram() throws Exception {
        // 101 values 1000, 1010 ... 2000 us split over two trials; p75 of the merged distribution is 1750 us
        long[] all = spread(101, 1000, 2000);
        long[] first = java.util.Arrays.copyOfRange(all, 0, 50);
        long[] second = java.util.Arrays.copyOfRange(all, 50, 101);
        RunResult r = run().trial(SEARCH, req(first)).trial(SEARCH, req(second)).build();
        GateOutcome o = only(evaluate(r, null, new GateSpec(null, "p75", "2ms", null, null, null)));
        assertThat(o.value()).isEqualTo(1.75);
        assertThat(o.message()).isEqualTo("p75 of all requests is 1.8 ms, within the maximum of 2 ms");
    }

    @Test
    void throughputMinimum() throws Exception {
        RunResult r = run().trials(3, SEARCH, req(constant(100, 5_000))).build(); // 100 per 10 s trial
        RunResult b = run().trials(3, SEARCH, req(constant(101, 5_000))).build();
        GateOutcome o = only(evaluate(r, b, new GateSpec(null, "throughput", null, "1000/s", null, null)));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.value()).isEqualTo(10.0);
        assertThat(o.message()).isEqualTo(
                "throughput of all requests is 10.0/s, but the minimum is 1000/s (baseline 10.1/s, -1.0 %)");
        GateOutcome pass = only(evaluate(r, b, new GateSpec(null, "throughput", null, "10/s", null, null)));
        assertThat(pass.status()).isEqualTo(Status.PASS);
    }

    @Test
    void errorRateMaximum() throws Exception {
        RunResult r = run().trial(Map.of(SEARCH, req(constant(100, 1_000)), CART, req(constant(100, 1_000), 5)))
                .build();
        GateOutcome o = only(evaluate(r, null, new GateSpec(CART, "errorRate", "1%", null, null, null)));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.value()).isEqualTo(0.05);
        assertThat(o.message()).isEqualTo("errorRate of POST /cart is 5.00 %, but the maximum is 1 %");
        GateOutcome all = only(evaluate(r, null, new GateSpec(null, "errorRate", "2.5%", null, null, null)));
        assertThat(all.status()).isEqualTo(Status.PASS);
        assertThat(all.message()).isEqualTo("errorRate of all requests is 2.50 %, within the maximum of 2.5 %");
    }

    // ---- maxRegression --------------------------------------------------------------------------------------

    /** Six baseline trials around 10 ms, 1 % apart: a quiet machine. */
    private static final long[] BASE = {9_900, 10_000, 10_100, 9_950, 10_050, 10_020};

    private static long[] times(double factor, long... micros) {
        long[] out = new long[micros.length];
        for (int i = 0; i < micros.length; i++) {
            out[i] = Math.round(micros[i] * factor);
        }
        return out;
    }

    private static GateSpec regression(String metric, String tau) {
        return new GateSpec(null, metric, null, null, tau, null);
    }

    @Test
    void regressionFailsWithItsEvidence() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(1.3, BASE)), searchRun(BASE), regression("p95", "10%")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.category()).isEqualTo(Category.REGRESSION);
        assertThat(o.value()).isCloseTo(13.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(o.baselineValue()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(0.05));
        RelativeStats s = o.statistics();
        assertThat(s.evidence().candidateTrials()).isEqualTo(6);
        assertThat(s.evidence().baselineTrials()).isEqualTo(6);
        assertThat(s.pWorse()).isCloseTo(1.0 / 924, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.evidence().low()).isGreaterThan(1.1);
        assertThat(s.finding()).isEqualTo("beyond the margin");
        assertThat(o.message()).startsWith("p95 of all requests regressed +30.0 % (median 13.0 ms vs baseline "
                + "10.0 ms, 98 % CI +").contains(", p(worse than +10 %) = 0.0011; 6 vs 6 trials, spread 0.7 %)")
                .endsWith("beyond the maximum regression of 10 %");
        assertThat(o.limit()).isEqualTo("max regression 10 %");
    }

    // ---- interleaved A/B: pair by pair ------------------------------------------------------------------------

    /** Eight pairs on a machine whose speed drifts by half over the run: each pair sees the same drift. */
    private static final long[] DRIFTING = {10_000, 11_000, 12_500, 14_000, 15_000, 13_000, 11_500, 10_500};
    private static final java.util.List<String> ORDER = java.util.List.of("AB", "BA", "BA", "AB", "AB", "BA", "BA",
            "AB");

    private static RunResult paired(RunResult run, boolean candidate) {
        return run.withPairing(new dev.perfgate.result.Pairing(candidate ? "ab-baseline.json" : null,
                "git 1a2b3c4 (origin/main)", ORDER, 42));
    }

    @Test
    void interleavedRunsAreComparedPairByPairAndCatchWhatDriftHidesFromUnpairedTrials() throws Exception {
        RunResult base = searchRun(DRIFTING);
        RunResult slower = searchRun(times(1.05, DRIFTING));

        GateOutcome pairedOutcome = only(evaluate(paired(slower, true), paired(base, false),
                regression("p95", "2%")));
        assertThat(pairedOutcome.status()).isEqualTo(Status.FAIL);
        assertThat(pairedOutcome.statistics().pWorse()).isCloseTo(1.0 / 256,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(pairedOutcome.message()).startsWith("p95 of all requests regressed +5.0 %")
                .contains("; 8 pairs, spread ").endsWith("beyond the maximum regression of 2 %");

        // the same trials, unpaired: the drift between trials swamps the 5 %
        GateOutcome unpaired = only(evaluate(slower, base, regression("p95", "2%")));
        assertThat(unpaired.status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void interleavedRunsThatLostAPairAreNotCompared() throws Exception {
        RunResult base = searchRun(java.util.Arrays.copyOf(DRIFTING, 7));
        GateOutcome o = only(evaluate(paired(searchRun(DRIFTING), true), paired(base, false),
                regression("p95", "2%")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.category()).isEqualTo(Category.INCOMPARABLE_BASELINE);
        assertThat(o.message()).contains("the interleaved runs hold 8 and 7 trials instead of one pair each");
    }

    @Test
    void tooFewPairsSayHowManyAreNeeded() throws Exception {
        long[] five = java.util.Arrays.copyOf(DRIFTING, 5);
        GateOutcome o = only(evaluate(paired(searchRun(times(1.3, five)), true), paired(searchRun(five), false),
                regression("p95", "10%")));
        assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(o.message()).contains("too few pairs to decide at p < 0.01: 5 pairs give at best p = 0.031")
                .contains("use <pairs>7</pairs> or more");
    }

    @Test
    void smallChangeWellInsideTheMarginPasses() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(1.02, BASE)), searchRun(BASE), regression("p95", "10%")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.statistics().evidence().high()).isLessThan(1.1);
        assertThat(o.message()).startsWith("p95 of all requests changed +2.0 % (median 10.2 ms vs baseline 10.0 ms")
                .contains("p(better than +10 %) = 0.0011").endsWith("within the maximum regression of 10 %");
    }

    @Test
    void identicalRunsPass() throws Exception {
        GateOutcome o = only(evaluate(searchRun(BASE), searchRun(BASE), regression("p95", "10%")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.statistics().evidence().ratio()).isEqualTo(1.0);
    }

    @Test
    void aChangeAtTheMarginIsInconclusive() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(1.1, BASE)), searchRun(BASE), regression("p95", "10%")));
        assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(o.statistics().inconclusiveReason()).isEqualTo("near-margin");
        assertThat(o.message()).startsWith("p95 of all requests is inconclusive against the maximum regression of "
                + "10 %: the change is too close to the 10 % margin to tell at p < 0.01 with 6 vs 6 trials; more "
                + "trials narrow the interval");
    }

    @Test
    void tooFewTrialsCannotDecideAndSaySoWithTheCountNeeded() throws Exception {
        Verdict v = evaluate(searchRun(30_000, 30_000, 30_000), searchRun(10_000, 10_000, 10_000),
                regression("p95", "10%"));
        GateOutcome o = only(v);
        assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(o.message()).contains("too few trials to decide at p < 0.01: 3 vs 3 trials give at best "
                + "p = 0.05; use <trials>5</trials> or more");
        // warn is the default: the build goes on, loudly
        assertThat(v.passed()).isTrue();
        assertThat(v.warnings()).containsExactly(o.message());
    }

    @Test
    void oneWildTrialMakesTheCheckTooNoisyInsteadOfAVerdict() throws Exception {
        long[] wild = times(1.02, BASE);
        wild[2] = 50_000;
        GateOutcome o = only(evaluate(searchRun(wild), searchRun(BASE), regression("p95", "10%")));
        assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(o.statistics().noisy()).isTrue();
        assertThat(o.message()).contains("too noisy to detect 10 % here: trial spread ")
                .contains("use more or longer trials");
    }

    @Test
    void noisyTrialsStillFailAChangeFarBeyondTheMargin() throws Exception {
        long[] noisyBase = {9_000, 10_000, 11_000, 9_500, 10_500, 10_000};
        GateOutcome o = only(evaluate(searchRun(times(3, noisyBase)), searchRun(noisyBase),
                regression("p95", "10%")));
        assertThat(o.statistics().noisy()).isTrue();
        assertThat(o.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void throughputRegressionIsADrop() throws Exception {
        TestRuns b = run();
        TestRuns r = run();
        TestRuns better = run();
        for (int i = 0; i < 6; i++) {
            b.trial(SEARCH, req(constant(1000 + i, 1_000)));
            r.trial(SEARCH, req(constant(850 + i, 1_000)));
            better.trial(SEARCH, req(constant(1500 + i, 1_000)));
        }
        GateOutcome o = only(evaluate(r.build(), b.build(), regression("throughput", "10%")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.message()).startsWith("throughput of all requests regressed -15.0 % (median 85.3/s vs baseline "
                + "100.3/s").contains("p(worse than -10 %) = 0.0011");
        assertThat(only(evaluate(better.build(), b.build(), regression("throughput", "10%"))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void absoluteAndRegressionAreSeparateChecks() throws Exception {
        Verdict v = evaluate(searchRun(times(1.15, BASE)), searchRun(BASE),
                new GateSpec(SEARCH, "p99", "20ms", null, "5%", null));
        assertThat(v.outcomes()).extracting(GateOutcome::category, GateOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Category.THRESHOLD, Status.PASS),
                org.assertj.core.groups.Tuple.tuple(Category.REGRESSION, Status.FAIL));
    }

    // ---- several checks, looks, policies ----------------------------------------------------------------------

    @Test
    void holmKeepsTheBuildsFalseAlarmRateWhenThereAreManyGates() throws Exception {
        // 5 against 5 fully separated trials: p = 1/252 = 0.00397 for every check
        long[] base5 = {9_900, 10_000, 10_100, 9_950, 10_050};
        RunResult cand = searchRun(times(1.3, base5));
        RunResult base = searchRun(base5);
        GateSpec[] three = {regression("p50", "10%"), regression("p90", "10%"), regression("p95", "10%")};
        assertThat(evaluate(cand, base, three).outcomes()).extracting(GateOutcome::status)
                .containsOnly(Status.FAIL);
        // 13 checks: Holm's first level is 0.05 / 13 = 0.00385 < 0.00397, so none can fail
        GateSpec[] thirteen = new GateSpec[13];
        for (int i = 0; i < 13; i++) {
            thirteen[i] = regression("p" + (10 + i * 5), "10%");
        }
        Verdict v = evaluate(cand, base, thirteen);
        assertThat(v.outcomes()).extracting(GateOutcome::status).containsOnly(Status.INCONCLUSIVE);
        assertThat(v.outcomes().get(0).statistics().alphaFail()).isCloseTo(0.05 / 13,
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aSecondLookHalvesTheLevel() throws Exception {
        long[] base4 = {9_900, 10_000, 10_100, 9_950};
        RunResult cand = searchRun(times(1.3, base4));
        RunResult base = searchRun(base4);
        // 4 against 4: best p = 1/70 = 0.0143, above 0.01: too few even with one look
        DecisionSettings twoLooks = DecisionSettings.DEFAULT.withLooks(2);
        GateOutcome o = only(GateEvaluator.evaluate(gates(regression("p95", "10%")), cand, base,
                BaselineState.PRESENT, CMD, twoLooks));
        assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(o.statistics().alphaPass()).isEqualTo(0.005);
        assertThat(o.message()).contains("at p < 0.005");
    }

    @Test
    void inconclusiveCanFailTheBuild() throws Exception {
        DecisionSettings strict = new DecisionSettings(0.01, 0.05, 1, InconclusivePolicy.FAIL,
                EnvironmentPolicy.SKIP);
        Verdict v = GateEvaluator.evaluate(gates(regression("p95", "10%")), searchRun(times(1.1, BASE)),
                searchRun(BASE), BaselineState.PRESENT, CMD, strict);
        assertThat(v.passed()).isFalse();
        assertThat(v.failures()).extracting(GateOutcome::status).containsExactly(Status.INCONCLUSIVE);
        assertThat(v.warnings()).isEmpty();
    }

    // ---- minImprovement -------------------------------------------------------------------------------------

    private static GateSpec improvement(String max, String x) {
        return new GateSpec(null, "p95", max, null, null, x);
    }

    @Test
    void improvementMet() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(0.8, BASE)), searchRun(BASE), improvement("5ms", "10%")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.category()).isEqualTo(Category.IMPROVEMENT_NOT_MET);
        assertThat(o.statistics().finding()).isEqualTo("improved");
        assertThat(o.message()).startsWith("p95 of all requests improved 20.0 % (median 8.0 ms vs baseline 10.0 ms")
                .contains("p(better than -10 %) = 0.0011").endsWith("meeting the minimum improvement of 10 %");
    }

    @Test
    void improvementNotMetButTargetMet() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(0.96, BASE)), searchRun(BASE), improvement("10ms", "10%")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.statistics().finding()).isEqualTo("target met");
        assertThat(o.message()).startsWith("p95 of all requests meets the target p95 ≤ 10 ms (p95 is 9.7 ms); the "
                + "improvement of -4.0 % (");
    }

    @Test
    void improvementNotMetAndTargetMissed() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(0.96, BASE)), searchRun(BASE), improvement("9ms", "10%")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.category()).isEqualTo(Category.IMPROVEMENT_NOT_MET);
        assertThat(o.message()).startsWith("p95 of all requests changed -4.0 % (").contains("p(worse than -10 %) = 0.0011").endsWith("short of the minimum improvement of 10 %, and p95 is 9.7 ms, missing the "
                + "target p95 ≤ 9 ms");
        assertThat(o.limit()).isEqualTo("improvement ≥ 10 % or p95 ≤ 9 ms");
    }

    @Test
    void improvementWithoutTargetWhenWorse() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(1.05, BASE)), searchRun(BASE), improvement(null, "10%")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.statistics().finding()).isEqualTo("not improved enough");
    }

    @Test
    void anImprovementNearItsMarginIsInconclusive() throws Exception {
        GateOutcome o = only(evaluate(searchRun(times(0.9, BASE)), searchRun(BASE), improvement(null, "10%")));
        assertThat(o.status()).isEqualTo(Status.INCONCLUSIVE);
    }

    // ---- environment ----------------------------------------------------------------------------------------

    @Test
    void anotherMachineSkipsRelativeChecksNamingEveryDifference() throws Exception {
        RunResult base = run().cores(8).javaVersion("21.0.4").trials(6, SEARCH, req(constant(100, 10_000))).build();
        Verdict v = evaluate(searchRun(times(1.3, BASE)), base, new GateSpec(null, "p95", "1s", null, "10%", null));
        assertThat(v.outcomes()).extracting(GateOutcome::status).containsExactly(Status.PASS, Status.SKIPPED);
        GateOutcome o = v.outcomes().get(1);
        assertThat(o.category()).isEqualTo(Category.ENVIRONMENT_MISMATCH);
        assertThat(o.message()).isEqualTo("p95 of all requests: the maximum regression of 10 % was skipped, because "
                + "the baseline was measured in another environment (cores 8 → 2; JDK 21 → 17); record the baseline "
                + "on this machine with " + CMD + ", or set <onEnvironmentMismatch>warn</onEnvironmentMismatch> to "
                + "compare anyway");
        assertThat(v.passed()).isTrue();
    }

    @Test
    void environmentMismatchCanWarnOrFail() throws Exception {
        RunResult base = run().cores(8).trials(6, SEARCH, req(constant(100, 10_000))).build();
        RunResult cand = searchRun(times(1.3, BASE));
        Verdict warn = GateEvaluator.evaluate(gates(regression("p95", "10%")), cand, base, BaselineState.PRESENT,
                CMD, new DecisionSettings(0.01, 0.05, 1, InconclusivePolicy.WARN, EnvironmentPolicy.WARN));
        assertThat(only(warn).status()).isEqualTo(Status.FAIL);
        assertThat(warn.runWarnings()).singleElement().asString().startsWith("the baseline was measured in another "
                + "environment (cores 8 → 2); relative checks compare them anyway");
        Verdict fail = GateEvaluator.evaluate(gates(regression("p95", "1000%")), cand, base, BaselineState.PRESENT,
                CMD, new DecisionSettings(0.01, 0.05, 1, InconclusivePolicy.WARN, EnvironmentPolicy.FAIL));
        assertThat(only(fail).status()).isEqualTo(Status.FAIL);
        assertThat(only(fail).category()).isEqualTo(Category.ENVIRONMENT_MISMATCH);
    }

    // ---- baseline problems ----------------------------------------------------------------------------------

    @Test
    void missingBaselineFailsRelativeChecksButAbsoluteStillApply() throws Exception {
        Verdict v = evaluate(searchRun(11_500), null, new GateSpec(null, "p95", "5ms", null, "10%", null));
        assertThat(v.outcomes()).hasSize(2);
        assertThat(v.outcomes().get(0).category()).isEqualTo(Category.THRESHOLD);
        assertThat(v.outcomes().get(0).status()).isEqualTo(Status.FAIL);
        GateOutcome missing = v.outcomes().get(1);
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.category()).isEqualTo(Category.MISSING_BASELINE);
        assertThat(missing.message()).isEqualTo("p95 of all requests: the maximum regression of 10 % was not "
                + "checked, because there is no baseline; record one with " + CMD);
        assertThat(v.failures()).hasSize(2);
    }

    @Test
    void missingBaselineCanBeSkippedWithAWarning() throws Exception {
        Verdict v = GateEvaluator.evaluate(gates(new GateSpec(null, "p95", null, null, "10%", null)),
                searchRun(11_500), null, BaselineState.MISSING_SKIP, CMD);
        GateOutcome o = only(v);
        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(o.category()).isEqualTo(Category.MISSING_BASELINE);
        assertThat(v.passed()).isTrue();
        assertThat(v.warnings()).containsExactly("p95 of all requests: the maximum regression of 10 % was "
                + "skipped, because there is no baseline; record one with " + CMD);
    }

    @Test
    void improvementGateWithoutBaselinePassesWhenItsTargetIsMet() throws Exception {
        GateOutcome o = only(evaluate(searchRun(9_600), null, new GateSpec(null, "p95", "10ms", null, null,
                "10%")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.message()).isEqualTo("p95 of all requests meets the target p95 ≤ 10 ms (p95 is 9.6 ms); "
                + "the improvement was not checked, because there is no baseline");
        GateOutcome missed = only(evaluate(searchRun(9_600), null, new GateSpec(null, "p95", "9ms", null, null,
                "10%")));
        assertThat(missed.status()).isEqualTo(Status.FAIL);
        assertThat(missed.category()).isEqualTo(Category.MISSING_BASELINE);
        assertThat(missed.message()).contains("record one with " + CMD).endsWith("(p95 is 9.6 ms, target not met)");
    }

    @Test
    void changedLoadDefinitionMakesTheBaselineIncomparable() throws Exception {
        RunResult baseline = run().hash("0ther0ther0ther0").trials(3, SEARCH, req(constant(100, 10_000))).build();
        Verdict v = evaluate(searchRun(10_000, 10_000, 10_000), baseline,
                new GateSpec(null, "p95", "1s", null, "10%", null));
        assertThat(v.outcomes()).extracting(GateOutcome::status).containsExactly(Status.PASS, Status.FAIL);
        GateOutcome o = v.outcomes().get(1);
        assertThat(o.category()).isEqualTo(Category.INCOMPARABLE_BASELINE);
        assertThat(o.message()).isEqualTo("p95 of all requests: the maximum regression of 10 % was not checked, "
                + "because the load definition changed since the baseline was recorded (load hash 0ther0ther0t → "
                + "a1b2c3d4e5f6); re-record it with " + CMD);
        // no baseline figure is shown next to an incomparable baseline
        assertThat(v.outcomes().get(0).baselineValue()).isNull();
    }

    @Test
    void changedRestartPerTrialIsNamedAsTheReason() throws Exception {
        RunResult b = run().hash("r3start3d").trials(3, SEARCH, req(constant(100, 10_000))).build();
        LoadInfo l = b.load();
        RunResult baseline = new RunResult(b.schemaVersion(), b.kind(), b.pluginVersion(), b.createdAt(),
                b.gitCommit(), b.environment(), new LoadInfo(l.model(), l.rate(), l.rampUpSeconds(),
                l.durationSeconds(), l.warmupSeconds(), l.trials(), l.plannedTrials(), l.maxTrials(), true,
                l.connections(), l.requests(), l.feeder(), l.hash()), b.jfr(), b.trials(), b.overall(), b.requests(),
                b.flags());
        GateOutcome o = only(evaluate(searchRun(10_000, 10_000, 10_000), baseline,
                new GateSpec(null, "p95", null, null, "10%", null)));
        assertThat(o.category()).isEqualTo(Category.INCOMPARABLE_BASELINE);
        assertThat(o.message()).contains("restartPerTrial changed since the baseline was recorded (true in the "
                + "baseline, false in this run); re-record it with " + CMD);
    }

    @Test
    void changedJfrSettingMakesTheBaselineIncomparable() throws Exception {
        RunResult baseline = run().jfr(true).trials(3, SEARCH, req(constant(100, 10_000))).build();
        GateOutcome o = only(evaluate(searchRun(10_000, 10_000, 10_000), baseline,
                new GateSpec(null, "p95", null, null, "10%", null)));
        assertThat(o.category()).isEqualTo(Category.INCOMPARABLE_BASELINE);
        assertThat(o.message()).contains("the JFR setting changed since the baseline was recorded (JFR on in the "
                + "baseline, off in this run); re-record it with " + CMD);
    }

    @Test
    void baselineWithoutTheRequest() throws Exception {
        RunResult baseline = run().trials(3, CART, req(constant(100, 10_000))).build();
        GateOutcome o = only(evaluate(searchRun(10_000, 10_000, 10_000), baseline,
                new GateSpec(SEARCH, "p95", null, null, "10%", null)));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.category()).isEqualTo(Category.INCOMPARABLE_BASELINE);
        assertThat(o.message()).isEqualTo("p95 of GET /search: the maximum regression of 10 % was not checked, "
                + "because the baseline has no request named 'GET /search'; re-record the baseline with " + CMD);
    }

    // ---- run problems ---------------------------------------------------------------------------------------

    @Test
    void noRequestsAtAllIsNoData() throws Exception {
        RunResult empty = run().trials(2, SEARCH, req(new long[0])).build();
        Verdict v = evaluate(empty, null, new GateSpec(null, "p99", "1s", null, null, null));
        assertThat(v.passed()).isFalse();
        assertThat(v.outcomes()).isEmpty();
        assertThat(v.runProblems()).singleElement().satisfies(p -> {
            assertThat(p.category()).isEqualTo(Category.NO_DATA);
            assertThat(p.gate()).isNull();
            assertThat(p.message()).startsWith("no requests were measured in run.json (0 requests over 2 trials)");
        });
        Verdict noTrials = evaluate(run().build(), null, new GateSpec(null, "p99", "1s", null, null, null));
        assertThat(noTrials.runProblems()).extracting(GateOutcome::category).containsExactly(Category.NO_DATA);
    }

    @Test
    void aRunWhereEveryRequestFailedDoesNotPassLatencyGates() throws Exception {
        RunResult allFailed = run().trials(2, SEARCH, req(constant(50, 200), 50)).build();
        Verdict v = evaluate(allFailed, null, new GateSpec(null, "p99", "1s", null, null, null));
        assertThat(v.passed()).isFalse();
        assertThat(v.runProblems()).singleElement().satisfies(p -> {
            assertThat(p.category()).isEqualTo(Category.NO_DATA);
            assertThat(p.message()).startsWith("not one of the 100 requests succeeded");
        });
    }

    @Test
    void aRequestThatAlwaysFailedFailsItsGatesButErrorRate() throws Exception {
        RunResult r = run().trial(Map.of(SEARCH, req(constant(100, 1_000)), CART, req(constant(20, 100), 20)))
                .build();
        Verdict v = evaluate(r, null, new GateSpec(CART, "p99", "1s", null, null, null),
                new GateSpec(CART, "errorRate", "100%", null, null, null));
        assertThat(v.outcomes()).hasSize(2);
        assertThat(v.outcomes().get(0).category()).isEqualTo(Category.NO_DATA);
        assertThat(v.outcomes().get(0).message()).isEqualTo("p99 of POST /cart: not one of the 20 requests of "
                + "POST /cart succeeded (errors: {http-5xx=20}), so the gate cannot be checked");
        assertThat(v.outcomes().get(1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void gatedRequestWithoutRequestsIsNoData() throws Exception {
        RunResult r = run().trial(Map.of(SEARCH, req(constant(100, 1_000)), CART, req(new long[0]))).build();
        GateOutcome o = only(evaluate(r, null, new GateSpec(CART, "p99", "1s", null, null, null)));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.category()).isEqualTo(Category.NO_DATA);
        assertThat(o.message()).isEqualTo("p99 of POST /cart: no requests named 'POST /cart' were measured in "
                + "run.json (100 requests in all), so the gate cannot be checked");
    }

    @Test
    void flaggedRunIsABrokenMeasurement() throws Exception {
        RunResult r = run().trials(2, SEARCH, req(constant(100, 1_000)))
                .flag("trial 1: the load generator lagged (send lag p99 120 ms)")
                .flag("trial 2: 3 % of scheduled requests were not sent").build();
        Verdict v = evaluate(r, null, new GateSpec(null, "p99", "1s", null, null, null));
        assertThat(v.passed()).isFalse();
        assertThat(v.outcomes()).extracting(GateOutcome::status).containsExactly(Status.PASS);
        assertThat(v.runProblems()).extracting(GateOutcome::category)
                .containsExactly(Category.BROKEN_MEASUREMENT, Category.BROKEN_MEASUREMENT);
        assertThat(v.failures()).extracting(GateOutcome::message).containsExactly(
                "the run is not a valid measurement: trial 1: the load generator lagged (send lag p99 120 ms)",
                "the run is not a valid measurement: trial 2: 3 % of scheduled requests were not sent");
    }

    @Test
    void noGatesPassWhenTheRunIsFine() throws Exception {
        Verdict v = GateEvaluator.evaluate(List.of(), searchRun(1_000), null, BaselineState.MISSING_FAIL, CMD);
        assertThat(v.passed()).isTrue();
        assertThat(v.failures()).isEmpty();
    }
}
