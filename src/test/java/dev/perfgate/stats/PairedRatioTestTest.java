package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairedRatioTestTest {

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }

    private static double[] exps(double... logs) {
        double[] v = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            v[i] = Math.exp(logs[i]);
        }
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for test data
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Pairs that share a machine offset (sd 10 %) and differ by their own noise (sd 3 %) and the true ratio. */
    private static double[][] pairs(SplittableRandom random, int n, double ratio, double quantum) {
        double[] cand = new double[n];
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            double offset = Math.exp(0.10 * gaussian(random));
            base[i] = 10 * offset * Math.exp(0.03 * gaussian(random));
            cand[i] = 10 * ratio * offset * Math.exp(0.03 * gaussian(random));
            if (quantum > 0) {
                // coarse percentiles: equal values, hence equal ratios, become common
                base[i] = Math.max(quantum, Math.round(base[i] / quantum) * quantum);
                cand[i] = Math.max(quantum, Math.round(cand[i] / quantum) * quantum);
            }
        }
        return new double[][] {cand, base};
    }

    @Test
    void fivePairsAllAboveGiveOneOverThirtyTwo() {
        RatioEvidence e = PairedRatioTest.compare(exps(0.01, 0.02, 0.03, 0.04, 0.05), ones(5), 1.0, 0.05);
        // one sign pattern of 2^5
        assertThat(e.pAbove()).isCloseTo(1.0 / 32, within(1e-15));
        assertThat(e.pBelow()).isCloseTo(1.0, within(1e-15));
        assertThat(e.smallestP()).isCloseTo(1.0 / 32, within(1e-15));
        assertThat(e.candidateTrials()).isEqualTo(5);
        assertThat(e.baselineTrials()).isEqualTo(5);
        assertThat(e.confidence()).isCloseTo(0.90, within(1e-12));
        assertThat(e.low()).isGreaterThan(1.0);
        // Hodges-Lehmann: the median of the 15 Walsh averages of 0.01..0.05 is 0.03
        assertThat(e.ratio()).isCloseTo(Math.exp(0.03), within(1e-12));
        assertThat(e.candidateMedian()).isCloseTo(Math.exp(0.03), within(1e-12));
        assertThat(e.baselineMedian()).isEqualTo(1.0);
    }

    @Test
    void oneSmallPairBelowGivesTwoPatternsOfThirtyTwo() {
        // signed ranks -1 +2 +3 +4 +5: W+ = 14; W+ ≥ 14 for W- ∈ {0, 1}
        RatioEvidence e = PairedRatioTest.compare(exps(-0.01, 0.02, 0.03, 0.04, 0.05), ones(5), 1.0, 0.05);
        assertThat(e.pAbove()).isCloseTo(2.0 / 32, within(1e-15));
        assertThat(e.pBelow()).isCloseTo(31.0 / 32, within(1e-15));
    }

    @Test
    void tiedRatiosGetTheExactConditionalPValue() {
        // d = 0.1, 0.1, -0.2, 0.3: average ranks 1.5 1.5 3 4, W+ = 7 of 10. W- ≤ 3 for 5 of 16 sign patterns
        // ({}, {1.5}, {1.5'}, {1.5, 1.5'}, {3}); W- ≥ 3 for all but 3 of them
        double[] cand = exps(0.1, 0.1, -0.2, 0.3);
        cand[1] = cand[0];
        RatioEvidence e = PairedRatioTest.compare(cand, ones(4), 1.0, 0.05);
        assertThat(e.pAbove()).isCloseTo(5.0 / 16, within(1e-15));
        assertThat(e.pBelow()).isCloseTo(13.0 / 16, within(1e-15));
    }

    @Test
    void sixEqualRatiosCannotBeatOneOverSixtyFour() {
        double[] cand = {15, 15, 15, 15, 15, 15};
        double[] base = {10, 10, 10, 10, 10, 10};
        RatioEvidence e = PairedRatioTest.compare(cand, base, 1.2, 0.01);
        assertThat(e.pAbove()).isCloseTo(1.0 / 64, within(1e-15));
        assertThat(e.pAbove()).isGreaterThanOrEqualTo(e.smallestP());
        assertThat(e.ratio()).isCloseTo(1.5, within(1e-12));
        // nor can the interval be bounded at 1 %; at 5 % it is the one ratio there is
        assertThat(e.low()).isZero();
        assertThat(e.high()).isInfinite();
        assertThat(PairedRatioTest.compare(cand, base, 1.2, 0.05).low()).isCloseTo(1.5, within(1e-12));
        assertThat(e.spread()).isZero();
        // why the library's normal approximation is not used here: it would claim p < 0.01 from six pairs
        double[] d = new double[6];
        java.util.Arrays.fill(d, Math.log(1.5));
        double approx = WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN)
                .withMu(Math.log(1.2)).test(d).getPValue();
        assertThat(approx).isLessThan(0.01);
    }

    @Test
    void exactCountingAgreesWithTheLibraryWithoutTies() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 1; n <= 25; n++) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = 0.05 * gaussian(random) + 0.01;
            }
            for (double m : new double[] {-0.03, 0.0, 0.013, 0.04}) {
                for (AlternativeHypothesis side : new AlternativeHypothesis[] {AlternativeHypothesis.GREATER_THAN,
                        AlternativeHypothesis.LESS_THAN}) {
                    double library = WilcoxonSignedRankTest.withDefaults().with(side).with(PValueMethod.EXACT)
                            .withMu(m).test(d).getPValue();
                    double ours = PairedRatioTest.exactWithTies(d, m, side == AlternativeHypothesis.GREATER_THAN);
                    assertThat(ours).as("n=%d m=%s %s", n, m, side).isCloseTo(library, within(1e-12));
                }
            }
        }
    }

    @Test
    void aPairExactlyAtTheBoundCountsAgainstTheClaimTested() {
        // pairs 1.0, e^0.1 … e^0.4 against bound 1: for "above" the first pair counts as below (W+ = 14 of 15),
        // for "below" as above (W+ = 15)
        RatioEvidence e = PairedRatioTest.compare(exps(0, 0.1, 0.2, 0.3, 0.4), ones(5), 1.0, 0.05);
        assertThat(e.pAbove()).isCloseTo(2.0 / 32, within(1e-15));
        assertThat(e.pBelow()).isCloseTo(1.0, within(1e-15));
        // the interval's lower end is the Walsh average 0 itself: not above the bound, as the test says
        assertThat(e.low()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void ratiosWellInsideTheMarginPassTheBelowTest() {
        double[] base = {10, 11, 9, 10.5, 12, 9.5, 10.2, 10.8, 11.5, 9.8};
        double[] cand = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            cand[i] = base[i] * 1.05;
        }
        RatioEvidence e = PairedRatioTest.compare(cand, base, 1.10, 0.01);
        assertThat(e.pBelow()).isCloseTo(1.0 / 1024, within(1e-12));
        assertThat(e.pAbove()).isGreaterThan(0.5);
        assertThat(e.ratio()).isCloseTo(1.05, within(1e-9));
        assertThat(e.high()).isLessThan(1.10);
        assertThat(e.low()).isCloseTo(1.05, within(1e-9));
    }

    @Test
    void identicalSamplesDecideNothingAgainstOne() {
        double[] v = {1.0, 1.1, 0.9, 1.05, 0.95, 1.02, 0.99};
        RatioEvidence e = PairedRatioTest.compare(v, v.clone(), 1.0, 0.01);
        assertThat(e.ratio()).isEqualTo(1.0);
        assertThat(e.pAbove()).isEqualTo(1.0);
        assertThat(e.pBelow()).isEqualTo(1.0);
        assertThat(e.low()).isEqualTo(1.0);
        assertThat(e.high()).isEqualTo(1.0);
        assertThat(e.spread()).isZero();
        // and against a 10 % margin, seven equal pairs are significantly within it
        RatioEvidence within10 = PairedRatioTest.compare(v, v.clone(), 1.10, 0.01);
        assertThat(within10.pBelow()).isCloseTo(1.0 / 128, within(1e-15));
    }

    @Test
    void hugeEffectWithThirtyPairs() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] p = pairs(random, 30, 5.0, 0);
        RatioEvidence e = PairedRatioTest.compare(p[0], p[1], 1.10, 0.01);
        assertThat(e.pAbove()).isCloseTo(Math.scalb(1.0, -30), within(1e-20));
        assertThat(e.pBelow()).isEqualTo(1.0);
        assertThat(e.low()).isBetween(4.5, 5.0);
        assertThat(e.high()).isBetween(5.0, 5.5);
        assertThat(e.ratio()).isBetween(e.low(), e.high());
    }

    @Test
    void pairingRemovesTheMachineOffsetThatHidesAFivePercentChange() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] p = pairs(random, 15, 1.05, 0);
        RatioEvidence paired = PairedRatioTest.compare(p[0], p[1], 1.0, 0.01);
        RatioEvidence unpaired = RatioTest.compare(p[0], p[1], 1.0, 0.01);
        assertThat(paired.low()).isGreaterThan(1.0);
        assertThat(paired.high() / paired.low()).isLessThan(unpaired.high() / unpaired.low());
    }

    @Test
    void onePairDecidesNothing() {
        RatioEvidence e = PairedRatioTest.compare(new double[] {2.0}, new double[] {1.0}, 1.1, 0.01);
        assertThat(e.pAbove()).isEqualTo(0.5);
        assertThat(e.low()).isZero();
        assertThat(e.high()).isInfinite();
        assertThat(e.spread()).isNaN();
        assertThat(e.ratio()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void zeroThroughputStillCountsAsFarBelow() {
        RatioEvidence e = PairedRatioTest.compare(new double[7], new double[] {100, 101, 99, 100, 102, 98, 100},
                0.9, 0.01);
        assertThat(e.pBelow()).isCloseTo(1.0 / 128, within(1e-15));
        // the floored log of 0 (as in RatioTest): a ratio of about 1e-310, printed as -100 %
        assertThat(e.ratio()).isLessThan(1e-300);
        assertThat(e.candidateMedian()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"3, 1, 0", "4, 2, 0", "5, 3, 0", "7, 4, 0", "10, 5, 0", "15, 6, 0", "20, 7, 0", "30, 8, 0",
            "3, 9, 0.5", "5, 10, 0.5", "8, 11, 0.5", "15, 12, 0.5", "30, 13, 0.5", "12, 14, 2", "60, 15, 0"})
    void theIntervalAndTheTestsAgree(int n, long seed, double quantum) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 25; round++) {
            double[][] p = pairs(random, n, 1.0 + 0.2 * round / 25.0, quantum);
            for (double bound : new double[] {0.9, 1.0, 1.10}) {
                for (double alpha : new double[] {0.01, 0.05}) {
                    RatioEvidence e = PairedRatioTest.compare(p[0], p[1], bound, alpha);
                    // "interval above the bound" is "p(above) < α", and likewise below: one answer to one question
                    assertThat(e.low() > bound).as("n=%d round=%d %s", n, round, e).isEqualTo(e.pAbove() < alpha);
                    assertThat(e.high() < bound).as("n=%d round=%d %s", n, round, e).isEqualTo(e.pBelow() < alpha);
                    assertThat(e.low()).isLessThanOrEqualTo(e.high());
                    assertThat(Math.min(e.pAbove(), e.pBelow())).isGreaterThanOrEqualTo(
                            n <= PairedRatioTest.EXACT_LIMIT ? e.smallestP() : 0);
                }
            }
        }
    }

    @Test
    void theIntervalAgreesWithTheTestsAtBoundsOnTheSteps() {
        // ratios on a coarse grid, bounds exactly on Walsh averages: the conservative side must keep the agreement
        double[] base = ones(9);
        double[] cand = {1.0, 1.1, 1.1, 1.2, 1.0, 1.3, 1.2, 1.1, 1.4};
        for (double bound : new double[] {1.0, 1.1, 1.2, Math.sqrt(1.1 * 1.2), Math.sqrt(1.0 * 1.3), 1.4}) {
            for (double alpha : new double[] {0.01, 0.02, 0.05, 0.1, 0.2}) {
                RatioEvidence e = PairedRatioTest.compare(cand, base, bound, alpha);
                assertThat(e.low() > bound).as("bound %s α %s %s", bound, alpha, e).isEqualTo(e.pAbove() < alpha);
                assertThat(e.high() < bound).as("bound %s α %s %s", bound, alpha, e).isEqualTo(e.pBelow() < alpha);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 0.5", "5, 0.03125", "7, 0.0078125", "10, 0.0009765625"})
    void smallestPIsOneSignPatternOfAll(int pairs, double expected) {
        assertThat(PairedRatioTest.smallestP(pairs)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.05, 5", "0.01, 7", "0.001, 10", "0.03125, 6", "0.0078125, 8"})
    void pairsNeededIsTheFirstCountWhoseBestPIsBelowAlpha(double alpha, int expected) {
        int pairs = PairedRatioTest.pairsNeeded(alpha);
        assertThat(pairs).isEqualTo(expected);
        assertThat(PairedRatioTest.smallestP(pairs)).isLessThan(alpha);
        assertThat(PairedRatioTest.smallestP(pairs - 1)).isGreaterThanOrEqualTo(alpha);
        // and that many pairs all above the bound do reach it
        double[] cand = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            cand[i] = 2 + i * 0.01;
        }
        assertThat(PairedRatioTest.compare(cand, ones(pairs), 1.1, Math.min(alpha, 0.49)).pAbove())
                .isLessThan(alpha);
    }

    @Test
    void spreadIsTheStandardDeviationOfTheLogRatios() {
        // d = 0 and 0.1: sd 0.1 / √2
        double[] d = {0.0, 0.1};
        assertThat(PairedRatioTest.spread(d)).isCloseTo(Math.expm1(0.1 / Math.sqrt(2)), within(1e-12));
        RatioEvidence e = PairedRatioTest.compare(new double[] {1.0, Math.exp(0.1)}, new double[] {1.0, 1.0}, 1.1,
                0.01);
        assertThat(e.spread()).isCloseTo(Math.expm1(0.1 / Math.sqrt(2)), within(1e-12));
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        double[] ok = {1, 2, 3};
        assertThatThrownBy(() -> PairedRatioTest.compare(new double[0], new double[0], 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pairs");
        assertThatThrownBy(() -> PairedRatioTest.compare(ok, new double[] {1, 2}, 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidate has 3 values but baseline has 2: paired trials need one of each per pair");
        assertThatThrownBy(() -> PairedRatioTest.compare(ok, new double[] {1, Double.NaN, 3}, 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline value NaN of pair 2 is not a finite value ≥ 0");
        assertThatThrownBy(() -> PairedRatioTest.compare(new double[] {1, 2, -3}, ok, 1.1, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candidate value -3.0 of pair 3 is not a finite value ≥ 0");
        assertThatThrownBy(() -> PairedRatioTest.compare(ok, new double[] {Double.POSITIVE_INFINITY, 1, 1}, 1.1,
                0.01)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pair 1");
        assertThatThrownBy(() -> PairedRatioTest.compare(ok, ok, 0, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound");
        assertThatThrownBy(() -> PairedRatioTest.compare(ok, ok, 1.1, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> PairedRatioTest.smallestP(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairedRatioTest.pairsNeeded(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
