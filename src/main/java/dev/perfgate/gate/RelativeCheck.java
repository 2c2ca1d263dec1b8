package dev.perfgate.gate;

import dev.perfgate.stats.PairedRatioTest;
import dev.perfgate.stats.RatioEvidence;
import dev.perfgate.stats.RatioTest;
import dev.perfgate.util.Advice;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * One relative check of a gate (maxRegression or minImprovement) with its evidence, and the rules that turn the
 * evidence into PASS, FAIL or INCONCLUSIVE:
 *
 * <ul>
 *   <li>FAIL needs the failing side to be significant: p &lt; α (after Holm) for "beyond the bound on the worse
 *       side", i.e. the interval of the ratio lies wholly on the worse side of the bound.</li>
 *   <li>PASS of maxRegression needs the interval wholly on the better side of the bound; PASS of minImprovement
 *       needs the improvement to be significant, or the gate's absolute target to hold.</li>
 *   <li>When the trials' own spread exceeds a third of the margin, a verdict also needs the interval to clear the
 *       bound by three spreads: a test on trials that scatter that much is decided by the run's luck.</li>
 *   <li>Anything else is INCONCLUSIVE, with the reason: too few trials to ever reach α, too noisy, or an effect
 *       too close to the margin for the trials at hand.</li>
 * </ul>
 */
final class RelativeCheck {
    enum Kind {
        REGRESSION, IMPROVEMENT
    }

    static final String TOO_FEW_TRIALS = "too-few-trials";
    static final String TOO_NOISY = "too-noisy";
    static final String NEAR_MARGIN = "near-margin";

    private final Gate gate;
    private final Kind kind;
    private final RatioEvidence evidence;
    private final double margin;
    private final boolean worseIsAbove;
    /** Trial i of each side is one interleaved pair: Wilcoxon signed-rank on their log ratios, not Mann-Whitney. */
    private final boolean paired;

    RelativeCheck(Gate gate, Kind kind, List<Double> candidate, List<Double> baseline, double alpha) {
        this(gate, kind, candidate, baseline, false, alpha);
    }

    /** @param paired candidate.get(i) and baseline.get(i) were measured as one interleaved pair */
    RelativeCheck(Gate gate, Kind kind, List<Double> candidate, List<Double> baseline, boolean paired,
            double alpha) {
        this.gate = gate;
        this.kind = kind;
        this.margin = kind == Kind.REGRESSION ? gate.maxRegression() : gate.minImprovement();
        this.worseIsAbove = gate.metric().lowerIsBetter();
        this.paired = paired;
        double[] c = toArray(candidate);
        double[] b = toArray(baseline);
        this.evidence = paired ? PairedRatioTest.compare(c, b, bound(), alpha) : RatioTest.compare(c, b, bound(), alpha);
    }

    /** "15 pairs" or "6 vs 6 trials". */
    private String trialsText() {
        return paired ? evidence.candidateTrials() + (evidence.candidateTrials() == 1 ? " pair" : " pairs")
                : evidence.candidateTrials() + " vs " + evidence.baselineTrials() + " trials";
    }

    /** The ratio candidate / baseline the check tests against. */
    private double bound() {
        boolean towardsWorse = kind == Kind.REGRESSION;
        return worseIsAbove == towardsWorse ? 1 + margin : 1 - margin;
    }

    Gate gate() {
        return gate;
    }

    /** p-value of "beyond the bound on the worse side": the test that can fail the build. */
    double failP() {
        return worseIsAbove ? evidence.pAbove() : evidence.pBelow();
    }

    private double passP() {
        return worseIsAbove ? evidence.pBelow() : evidence.pAbove();
    }

    /**
     * Whether the trials scatter too much for the test alone to be trusted. The guard stands in for what unpaired
     * trials cannot see, the run's own offset against a baseline measured at another time: so it does not apply to
     * interleaved pairs, where both versions share every pair's conditions and the Wilcoxon interval already spans
     * the pairs' scatter (docs/perf/ab-quality.md measures what that does to A/A).
     */
    boolean noisy() {
        return !paired && !(evidence.spread() <= margin / 3);
    }

    private double clearance() {
        return 1 + 3 * evidence.spread();
    }

    private boolean clearsWorse() {
        return worseIsAbove ? evidence.low() > evidence.bound() * clearance()
                : evidence.high() < evidence.bound() / clearance();
    }

    private boolean clearsBetter() {
        return worseIsAbove ? evidence.high() < evidence.bound() / clearance()
                : evidence.low() > evidence.bound() * clearance();
    }

    /**
     * @param alphaPass level of the passing side's test
     * @param holm      the level of the failing side's test, from Holm's step-down over every check of the build
     * @param target    for minImprovement with max/min: the absolute value and whether the target holds; or null
     */
    GateOutcome decide(double alphaPass, HolmLevel holm, Target target) {
        boolean tooFew = evidence.smallestP() >= alphaPass;
        boolean failSignificant = holm.rejects() && failP() < holm.alpha() && (!noisy() || clearsWorse());
        boolean passSignificant = passP() < alphaPass && (!noisy() || clearsBetter());
        Status status;
        String reason = null;
        if (kind == Kind.REGRESSION) {
            status = failSignificant ? Status.FAIL : passSignificant ? Status.PASS : Status.INCONCLUSIVE;
        } else if (passSignificant || (target != null && target.met())) {
            status = Status.PASS;
        } else {
            status = failSignificant ? Status.FAIL : Status.INCONCLUSIVE;
        }
        if (status == Status.INCONCLUSIVE) {
            reason = tooFew ? TOO_FEW_TRIALS : noisy() ? TOO_NOISY : NEAR_MARGIN;
        }
        RelativeStats stats = new RelativeStats(evidence, failP(), passP(), holm.alpha(), alphaPass, noisy(), reason,
                finding(status, reason, passSignificant));
        Category category = kind == Kind.REGRESSION ? Category.REGRESSION : Category.IMPROVEMENT_NOT_MET;
        return new GateOutcome(gate, status, category, evidence.candidateMedian(), evidence.baselineMedian(),
                message(status, reason, passSignificant, target, alphaPass), stats);
    }

    private String finding(Status status, String reason, boolean improved) {
        if (status == Status.INCONCLUSIVE) {
            return reason.equals(TOO_FEW_TRIALS) ? (paired ? "too few pairs" : "too few trials")
                    : reason.equals(TOO_NOISY) ? "too noisy"
                    : "near the margin";
        }
        if (kind == Kind.REGRESSION) {
            return status == Status.FAIL ? "beyond the margin" : "within the margin";
        }
        return status == Status.FAIL ? "not improved enough" : improved ? "improved" : "target met";
    }

    /** The absolute target of a minImprovement gate. */
    record Target(double value, boolean met) {
    }

    private String message(Status status, String reason, boolean improved, Target target, double alphaPass) {
        Metric metric = gate.metric();
        String change = Units.signedPercent(evidence.ratio() - 1, RoundingMode.HALF_UP);
        String limit = kind == Kind.REGRESSION ? "the maximum regression of " + Units.percent(margin)
                : "the minimum improvement of " + Units.percent(margin);
        String what = gate.describe();
        return switch (status) {
            case FAIL -> kind == Kind.REGRESSION
                    // like a threshold, a failing change is never printed as equal to its limit
                    ? what + " regressed " + Units.signedPercentBeyond(evidence.ratio() - 1, margin) + " "
                            + figures(failP(), worseText()) + ", beyond " + limit
                    : what + " changed " + change + " " + figures(failP(), worseText()) + ", short of " + limit
                            + (target == null ? "" : ", and " + metric.name() + " is "
                                    + Units.value(metric, target.value()) + ", missing the target "
                                    + gate.targetText());
            case PASS -> {
                if (kind == Kind.REGRESSION) {
                    yield what + " changed " + change + " " + figures(passP(), betterText()) + ", within " + limit;
                }
                if (improved) {
                    yield what + " improved " + Units.unsignedPercent(evidence.ratio() - 1, RoundingMode.HALF_UP)
                            + " " + figures(passP(), betterText()) + ", meeting "
                            + limit;
                }
                yield what + " meets the target " + gate.targetText() + " (" + metric.name() + " is "
                        + Units.value(metric, target.value()) + "); the improvement of " + change + " "
                        + figures(passP(), betterText()) + " was not needed";
            }
            default -> what + " is inconclusive against " + limit + ": " + inconclusiveText(reason, alphaPass)
                    + " " + figures(Double.NaN, null);
        };
    }

    private String worseText() {
        return "p(worse than " + boundText() + ") = %P";
    }

    private String betterText() {
        return "p(better than " + boundText() + ") = %P";
    }

    /** The bound as a change: "+10 %" or "-10 %". */
    private String boundText() {
        return Units.signedPercent(evidence.bound() - 1, RoundingMode.HALF_UP).replace(".0 %", " %");
    }

    private String inconclusiveText(String reason, double alphaPass) {
        String trials = trialsText();
        if (paired && reason.equals(TOO_FEW_TRIALS)) {
            return "too few pairs to decide at p < " + p(alphaPass) + ": " + trials + " give at best p = "
                    + p(evidence.smallestP()) + "; " + Advice.usePairs(PairedRatioTest.pairsNeeded(alphaPass));
        }
        return switch (reason) {
            case TOO_FEW_TRIALS -> "too few trials to decide at p < " + p(alphaPass) + ": " + trials
                    + " give at best p = " + p(evidence.smallestP()) + "; " + Advice.useTrials(trialsNeeded(alphaPass))
                    + ", and record the baseline again if it has fewer";
            case TOO_NOISY -> "too noisy to detect " + Units.percent(margin) + " here: trial spread "
                    + Units.unsignedPercent(evidence.spread(), RoundingMode.HALF_UP) + " is more than a third of the "
                    + "margin; use more or longer trials, a quieter machine, or a wider margin";
            default -> "the change is too close to the " + Units.percent(margin) + " margin to tell at p < "
                    + p(alphaPass) + " with " + trials + "; more trials narrow the interval (raise <trials>, or set "
                    + "<inconclusive>extend</inconclusive> with <maxTrials>)";
        };
    }

    /** The fewest equal trials per side whose best p-value is below α. */
    private static int trialsNeeded(double alpha) {
        for (int k = 2; k < 30; k++) {
            if (RatioTest.smallestP(k, k) < alpha) {
                return k;
            }
        }
        return 30;
    }

    /**
     * "(median 13.0 ms vs baseline 10.0 ms, 98 % CI +28.4 % … +31.6 %, p(worse than +10 %) = 0.0011; 6 vs 6 trials,
     * spread 0.7 %)"; without a hypothesis both one-sided p-values are given.
     */
    private String figures(double pValue, String hypothesis) {
        Metric metric = gate.metric();
        return "(median " + Units.value(metric, evidence.candidateMedian()) + " vs baseline "
                + Units.value(metric, evidence.baselineMedian()) + ", " + confidenceText() + " "
                + interval() + ", " + (hypothesis == null ? "p(worse than " + boundText() + ") = " + p(failP())
                        + ", p(better) = " + p(passP())
                        : hypothesis.replace(" = %P", pValue < 0.0001 ? " < 0.0001" : " = " + p(pValue))) + "; "
                + trialsText() + ", spread "
                + (Double.isNaN(evidence.spread()) ? "n/a"
                        : Units.unsignedPercent(evidence.spread(), RoundingMode.HALF_UP)) + ")";
    }

    private String confidenceText() {
        return EvidenceText.confidence(evidence) + " CI";
    }

    private String interval() {
        return EvidenceText.interval(evidence);
    }

    private static String p(double p) {
        return EvidenceText.p(p);
    }



    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s", gate.describe(), kind, evidence);
    }
}
