package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RatioTestTest {

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static double[] lognormal(SplittableRandom random, int n, double median, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: enough for test data
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            v[i] = median * Math.exp(sd * g);
        }
        return v;
    }

    @Test
    void fullySeparatedFiveAgainstFiveGivesTheExactSmallestP() {
        double[] base = {1.00, 1.01, 1.02, 0.99, 1.005};
        double[] cand = {1.30, 1.31, 1.29, 1.32, 1.28};
        RatioEvidence e = RatioTest.compare(cand, base, 1.10, 0.01);
        // exact: one arrangement of C(10,5) = 252
        assertThat(e.pAbove()).isCloseTo(1.0 / 252, within(1e-12));
        assertThat(e.smallestP()).isCloseTo(1.0 / 252, within(1e-12));
        assertThat(e.pBelow()).isGreaterThan(0.5);
        assertThat(e.ratio()).isCloseTo(1.30 / 1.005, within(1e-9));
        assertThat(e.low()).isGreaterThan(1.10);
        assertThat(e.high()).isGreaterThanOrEqualTo(e.ratio());
        assertThat(e.confidence()).isCloseTo(0.98, within(1e-12));
        assertThat(e.candidateTrials()).isEqualTo(5);
        assertThat(e.baselineTrials()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"2, 2, 0.16666666666666666", "3, 3, 0.05", "4, 4, 0.014285714285714285", "5, 5, 0.003968253968253968",
            "3, 10, 0.0034965034965034965"})
    void smallestPossiblePIsOneOverTheNumberOfArrangements(int n, int m, double expected) {
        assertThat(RatioTest.smallestP(n, m)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void twoTrialsCannotBoundTheRatioAtOnePercent() {
        RatioEvidence e = RatioTest.compare(new double[] {2.0, 2.1}, new double[] {1.0, 1.1}, 1.0, 0.01);
        assertThat(e.pAbove()).isGreaterThanOrEqualTo(0.01);
        assertThat(e.low()).isZero();
        assertThat(e.high()).isInfinite();
    }

    @Test
    void identicalSamplesDecideNothingAndTheirIntervalHoldsOne() {
        double[] v = {1.0, 1.1, 0.9, 1.05, 0.95, 1.02};
        RatioEvidence e = RatioTest.compare(v, v.clone(), 1.0, 0.01);
        assertThat(e.ratio()).isEqualTo(1.0);
        assertThat(e.pAbove()).isGreaterThan(0.3);
        assertThat(e.pBelow()).isGreaterThan(0.3);
        assertThat(e.low()).isLessThan(1.0);
        assertThat(e.high()).isGreaterThan(1.0);
    }

    @Test
    void zeroVarianceOnBothSides() {
        double[] base = {2.0, 2.0, 2.0, 2.0, 2.0, 2.0};
        double[] cand = {3.0, 3.0, 3.0, 3.0, 3.0, 3.0};
        RatioEvidence e = RatioTest.compare(cand, base, 1.2, 0.01);
        assertThat(e.ratio()).isEqualTo(1.5);
        assertThat(e.spread()).isZero();
        assertThat(e.pAbove()).isLessThan(0.01);
        assertThat(e.low()).isCloseTo(1.5, within(1e-9));
        assertThat(e.high()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void tiesAcrossSamplesAreHandled() {
        double[] base = {1.0, 1.0, 1.1, 1.1, 1.2};
        double[] cand = {1.1, 1.1, 1.2, 1.2, 1.3};
        RatioEvidence e = RatioTest.compare(cand, base, 1.0, 0.01);
        assertThat(e.pAbove()).isBetween(0.0, 1.0);
        assertThat(e.pAbove()).isGreaterThan(0.01);
    }

    @Test
    void hugeEffectWithThirtyTrialsEach() {
        SplittableRandom random = new SplittableRandom(7);
        double[] base = lognormal(random, 30, 1.0, 0.03);
        double[] cand = lognormal(random, 30, 5.0, 0.03);
        RatioEvidence e = RatioTest.compare(cand, base, 1.10, 0.01);
        assertThat(e.pAbove()).isLessThan(1e-10);
        assertThat(e.low()).isBetween(4.5, 5.0);
        assertThat(e.high()).isBetween(5.0, 5.5);
    }

    @Test
    void intervalHoldsTheTrueRatioOfAnExactlyScaledSample() {
        double[] base = {1.0, 1.2, 0.9, 1.1, 0.95, 1.05, 1.15, 0.98};
        RatioEvidence e = RatioTest.compare(scaled(base, 1.25), base, 1.0, 0.01);
        assertThat(e.ratio()).isCloseTo(1.25, within(1e-9));
        assertThat(e.low()).isLessThanOrEqualTo(1.25);
        assertThat(e.high()).isGreaterThanOrEqualTo(1.25);
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "3, 2", "5, 3", "7, 4", "10, 5", "15, 6", "20, 7", "30, 8"})
    void theIntervalAndTheTestsAgree(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            double[] base = lognormal(random, k, 1.0, 0.05);
            double[] cand = lognormal(random, k, 1.0 + 0.05 * round / 5.0, 0.05);
            double bound = 1.10;
            RatioEvidence e = RatioTest.compare(cand, base, bound, 0.01);
            // "interval above the bound" is "p(above) < α", and likewise below: no two answers to one question
            assertThat(e.low() > bound).as("k=%d round=%d %s", k, round, e).isEqualTo(e.pAbove() < 0.01);
            assertThat(e.high() < bound).as("k=%d round=%d %s", k, round, e).isEqualTo(e.pBelow() < 0.01);
            assertThat(e.low()).isLessThanOrEqualTo(e.high());
        }
    }

    @Test
    void zeroThroughputStillRanksBelowEverything() {
        RatioEvidence e = RatioTest.compare(new double[] {0, 0, 0, 0, 0}, new double[] {100, 101, 99, 100, 102},
                0.9, 0.01);
        assertThat(e.ratio()).isZero();
        assertThat(e.pBelow()).isLessThan(0.01);
    }

    @Test
    void spreadIsThePooledLogStandardDeviation() {
        double[] a = {1.0, Math.exp(0.1)};
        double[] b = {2.0, 2.0 * Math.exp(0.1)};
        // each side: sd of {0, 0.1} = 0.0707; pooled the same
        assertThat(RatioTest.spread(logs(a), logs(b))).isCloseTo(Math.expm1(0.1 / Math.sqrt(2)), within(1e-12));
        assertThat(RatioTest.spread(new double[] {0.0}, new double[] {1.0})).isNaN();
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    @Test
    void badInputIsRejected() {
        double[] ok = {1, 2, 3};
        assertThatThrownBy(() -> RatioTest.compare(new double[0], ok, 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no candidate values");
        assertThatThrownBy(() -> RatioTest.compare(ok, new double[] {1, Double.NaN}, 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline value NaN");
        assertThatThrownBy(() -> RatioTest.compare(ok, new double[] {-1}, 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatioTest.compare(ok, ok, 0, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatioTest.compare(ok, ok, 1.1, 0.7)).isInstanceOf(IllegalArgumentException.class);
    }
}
