package dev.perfgate.gate;

import dev.perfgate.run.JfrInfo;
import dev.perfgate.run.MergedResult;
import dev.perfgate.run.RunResult;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks gates against a run and, for relative gates, a baseline. Fails closed: a run without data, a flagged
 * measurement, a missing or incomparable baseline are failures with their own category, never a silent pass.
 *
 * <p>Checks per gate: max/min (THRESHOLD, on the merged distribution), maxRegression (REGRESSION, median of
 * per-trial values against the baseline's median), minImprovement (IMPROVEMENT_NOT_MET; passes when the median
 * improved enough <em>or</em> the gate's max/min holds — one combined check, so max/min then is no separate check).
 */
public final class GateEvaluator {
    private GateEvaluator() {
    }

    public static Verdict evaluate(List<Gate> gates, RunResult run, RunResult baseline, BaselineState state,
            String recordBaselineCommand) {
        List<GateOutcome> runProblems = new ArrayList<>();
        boolean noData = checkData(run, runProblems);
        for (String flag : run.flags()) {
            runProblems.add(new GateOutcome(null, Status.FAIL, Category.BROKEN_MEASUREMENT, null, null,
                    "the run is not a valid measurement: " + flag));
        }
        if (noData) {
            return new Verdict(List.of(), runProblems);
        }
        String command = recordBaselineCommand == null || recordBaselineCommand.isBlank()
                ? "the perfgate baseline command" : recordBaselineCommand.trim();
        Reference reference = Reference.of(run, baseline, state, command);
        List<GateOutcome> outcomes = new ArrayList<>();
        for (Gate gate : gates) {
            evaluateGate(gate, run, reference, outcomes);
        }
        return new Verdict(outcomes, runProblems);
    }

    private static boolean checkData(RunResult run, List<GateOutcome> problems) {
        String reason = null;
        if (run.trials().isEmpty()) {
            reason = "it has no trials";
        } else if (run.overall() == null || run.overall().stats() == null) {
            reason = "it has no overall results";
        } else if (run.overall().stats().count() == 0) {
            reason = "0 requests over " + run.trials().size() + (run.trials().size() == 1 ? " trial" : " trials");
        } else if (run.overall().stats().errors() >= run.overall().stats().count()) {
            // Latencies of failures say nothing about the service's speed: a service answering 500 at once must
            // not pass a latency gate.
            problems.add(new GateOutcome(null, Status.FAIL, Category.NO_DATA, null, null,
                    "not one of the " + run.overall().stats().count() + " requests succeeded (errors: "
                            + run.overall().stats().errorsByKind() + "); see target/perfgate/service.log and the "
                            + "request checks"));
            return true;
        }
        if (reason == null) {
            return false;
        }
        problems.add(new GateOutcome(null, Status.FAIL, Category.NO_DATA, null, null,
                "no requests were measured in run.json (" + reason + "); check that the service answered and the "
                        + "load definition sends requests"));
        return true;
    }

    /** The baseline, if it can be compared with the run, or how relative checks end without one. */
    private record Reference(RunResult baseline, Status status, Category category, String reason, String command) {

        static Reference of(RunResult run, RunResult baseline, BaselineState state, String command) {
            if (baseline == null) {
                Status status = state == BaselineState.MISSING_SKIP ? Status.SKIPPED : Status.FAIL;
                return new Reference(null, status, Category.MISSING_BASELINE, "there is no baseline", command);
            }
            String problem = null;
            String runHash = run.load() == null ? null : run.load().hash();
            String baseHash = baseline.load() == null ? null : baseline.load().hash();
            if (!Objects.equals(runHash, baseHash) && restarted(run) != restarted(baseline)) {
                // Named apart: fresh JVMs per trial spread differently, and a changed hash alone would not say so.
                problem = "restartPerTrial changed since the baseline was recorded (" + restarted(baseline)
                        + " in the baseline, " + restarted(run) + " in this run)";
            } else if (!Objects.equals(runHash, baseHash)) {
                problem = "the load definition changed since the baseline was recorded (load hash "
                        + shortHash(baseHash) + " → " + shortHash(runHash) + ")";
            } else if (jfrOn(run.jfr()) != jfrOn(baseline.jfr())) {
                problem = "the JFR setting changed since the baseline was recorded (JFR " + onOff(baseline.jfr())
                        + " in the baseline, " + onOff(run.jfr()) + " in this run)";
            } else if (baseline.flagged()) {
                problem = "the baseline is not a valid measurement (" + String.join("; ", baseline.flags()) + ")";
            } else if (baseline.trials().isEmpty()) {
                problem = "the baseline has no trials";
            }
            if (problem != null) {
                return new Reference(null, Status.FAIL, Category.INCOMPARABLE_BASELINE, problem, command);
            }
            return new Reference(baseline, Status.PASS, null, null, command);
        }

        boolean usable() {
            return baseline != null;
        }

        String advice() {
            return category == Category.MISSING_BASELINE ? "record one with " + command
                    : "re-record it with " + command;
        }

        private static boolean restarted(RunResult run) {
            return run.load() != null && run.load().restartPerTrial();
        }

        private static boolean jfrOn(JfrInfo jfr) {
            return jfr != null && jfr.enabled();
        }

        private static String onOff(JfrInfo jfr) {
            return jfrOn(jfr) ? "on" : "off";
        }

        private static String shortHash(String hash) {
            if (hash == null) {
                return "none";
            }
            return hash.length() > 12 ? hash.substring(0, 12) : hash;
        }
    }

    private static void evaluateGate(Gate gate, RunResult run, Reference ref, List<GateOutcome> out) {
        MergedResult merged = gate.request() == null ? run.overall() : run.requests().get(gate.request());
        if (merged == null || merged.stats() == null || merged.stats().count() == 0) {
            out.add(new GateOutcome(gate, Status.FAIL, Category.NO_DATA, null, null, gate.describe()
                    + ": no requests named '" + gate.requestLabel() + "' were measured in run.json ("
                    + run.overall().stats().count() + " requests in all), so the gate cannot be checked"));
            return;
        }
        if (gate.metric().kind() != Metric.Kind.ERROR_RATE && merged.stats().errors() >= merged.stats().count()) {
            // Timings of failures are not the service's speed: a mistyped path answering 404 fast must not pass.
            out.add(new GateOutcome(gate, Status.FAIL, Category.NO_DATA, null, null, gate.describe()
                    + ": not one of the " + merged.stats().count() + " requests of " + gate.requestLabel()
                    + " succeeded (errors: " + merged.stats().errorsByKind() + "), so the gate cannot be checked"));
            return;
        }
        // absolute value, needed by THRESHOLD and by the target of a combined improvement gate
        Double value = null;
        if (gate.hasAbsolute()) {
            try {
                value = MetricValues.merged(run, gate);
            } catch (MetricValues.Unavailable e) {
                out.add(broken(gate, e));
                return;
            }
        }
        if (gate.hasAbsolute() && gate.minImprovement() == null) {
            out.add(threshold(gate, value, ref));
        }
        if (gate.maxRegression() != null) {
            out.add(regression(gate, run, ref));
        }
        if (gate.minImprovement() != null) {
            out.add(improvement(gate, run, value, ref));
        }
    }

    private static GateOutcome broken(Gate gate, MetricValues.Unavailable e) {
        return new GateOutcome(gate, Status.FAIL, Category.BROKEN_MEASUREMENT, null, null,
                gate.describe() + " cannot be measured: in run.json " + e.getMessage());
    }

    // ---- max / min ------------------------------------------------------------------------------------------

    private static GateOutcome threshold(Gate gate, double value, Reference ref) {
        Metric metric = gate.metric();
        Double base = baselineMerged(gate, ref);
        String baseText = "";
        if (base != null) {
            String change = Units.signedChange(value, base);
            baseText = " (baseline " + Units.value(metric, base) + (change.equals("n/a") ? "" : ", " + change) + ")";
        }
        if (gate.max() != null && value > gate.max()) {
            return new GateOutcome(gate, Status.FAIL, Category.THRESHOLD, value, base, gate.describe() + " is "
                    + Units.valueBeyond(metric, value, gate.max(), true) + ", but the maximum is "
                    + Units.limit(metric, gate.max()) + baseText);
        }
        if (gate.min() != null && value < gate.min()) {
            return new GateOutcome(gate, Status.FAIL, Category.THRESHOLD, value, base, gate.describe() + " is "
                    + Units.valueBeyond(metric, value, gate.min(), false) + ", but the minimum is "
                    + Units.limit(metric, gate.min()) + baseText);
        }
        return new GateOutcome(gate, Status.PASS, Category.THRESHOLD, value, base, gate.describe() + " is "
                + Units.value(metric, value) + ", within " + withinText(gate) + baseText);
    }

    private static String withinText(Gate gate) {
        Metric metric = gate.metric();
        if (gate.max() != null && gate.min() != null) {
            return "the minimum of " + Units.limit(metric, gate.min()) + " and the maximum of "
                    + Units.limit(metric, gate.max());
        }
        return gate.max() != null ? "the maximum of " + Units.limit(metric, gate.max())
                : "the minimum of " + Units.limit(metric, gate.min());
    }

    private static boolean targetMet(Gate gate, double value) {
        return (gate.max() == null || value <= gate.max()) && (gate.min() == null || value >= gate.min());
    }

    /** The baseline's merged value for the comparison column of an absolute gate, when it can be had. */
    private static Double baselineMerged(Gate gate, Reference ref) {
        if (!ref.usable()) {
            return null;
        }
        try {
            return MetricValues.merged(ref.baseline(), gate);
        } catch (MetricValues.Unavailable e) {
            return null;
        }
    }

    // ---- maxRegression / minImprovement ---------------------------------------------------------------------

    /** Medians of per-trial values of run and baseline, or the outcome that says why there are none. */
    private record Comparison(double candidate, double base, int trials, GateOutcome problem) {
    }

    private static Comparison compare(Gate gate, RunResult run, Reference ref, String part) {
        if (!ref.usable()) {
            String message = gate.describe() + ": " + part + " was " + (ref.status() == Status.SKIPPED
                    ? "skipped" : "not checked") + ", because " + ref.reason() + "; " + ref.advice();
            return new Comparison(0, 0, 0, new GateOutcome(gate, ref.status(), ref.category(), null, null, message));
        }
        List<Double> candidate;
        try {
            candidate = MetricValues.perTrial(run, gate);
        } catch (MetricValues.Unavailable e) {
            return new Comparison(0, 0, 0, broken(gate, e));
        }
        RunResult baseline = ref.baseline();
        List<Double> base;
        String problem = null;
        if (gate.request() != null && !baseline.requests().containsKey(gate.request())) {
            problem = "the baseline has no request named '" + gate.request() + "'";
            base = null;
        } else {
            try {
                base = MetricValues.perTrial(baseline, gate);
            } catch (MetricValues.Unavailable e) {
                problem = "in the baseline " + e.getMessage();
                base = null;
            }
        }
        if (base == null) {
            return new Comparison(0, 0, 0, new GateOutcome(gate, Status.FAIL, Category.INCOMPARABLE_BASELINE, null,
                    null, gate.describe() + ": " + part + " was not checked, because " + problem
                            + "; re-record the baseline with " + ref.command()));
        }
        return new Comparison(MetricValues.median(candidate), MetricValues.median(base), candidate.size(), null);
    }

    private static GateOutcome regression(Gate gate, RunResult run, Reference ref) {
        Metric metric = gate.metric();
        double tau = gate.maxRegression();
        Comparison c = compare(gate, run, ref, "the maximum regression of " + Units.percent(tau));
        if (c.problem() != null) {
            return c.problem();
        }
        double cand = c.candidate();
        double base = c.base();
        boolean worse = metric.lowerIsBetter() ? cand > base * (1 + tau) : cand < base * (1 - tau);
        String detail = " (" + trialsText(c.trials()) + " " + Units.value(metric, cand) + " vs baseline "
                + Units.value(metric, base) + ")";
        if (worse) {
            return new GateOutcome(gate, Status.FAIL, Category.REGRESSION, cand, base, gate.describe()
                    + " regressed " + Units.signedPercentBeyond(Units.change(cand, base), tau) + detail
                    + ", but the maximum regression is " + Units.percent(tau));
        }
        return new GateOutcome(gate, Status.PASS, Category.REGRESSION, cand, base, gate.describe() + " changed "
                + Units.signedChange(cand, base) + detail + ", within the maximum regression of "
                + Units.percent(tau));
    }

    private static GateOutcome improvement(Gate gate, RunResult run, Double value, Reference ref) {
        Metric metric = gate.metric();
        double x = gate.minImprovement();
        boolean hasTarget = gate.hasAbsolute();
        boolean targetMet = hasTarget && targetMet(gate, value);
        String required = "at least " + Units.percent(x) + " improvement"
                + (hasTarget ? " or " + gate.targetText() : "");
        String targetValue = hasTarget ? metric.name() + " is " + Units.value(metric, value) : "";
        String part = "the minimum improvement of " + Units.percent(x);

        if (!ref.usable()) {
            if (targetMet) {
                return new GateOutcome(gate, Status.PASS, Category.IMPROVEMENT_NOT_MET, value, null, gate.describe()
                        + " meets the target " + gate.targetText() + " (" + targetValue
                        + "); the improvement was not checked, because " + ref.reason());
            }
            GateOutcome p = compare(gate, run, ref, part).problem();
            String suffix = hasTarget ? " (" + targetValue + ", target not met)" : "";
            return new GateOutcome(gate, p.status(), p.category(), hasTarget ? value : null, null,
                    p.message() + suffix);
        }
        Comparison c = compare(gate, run, ref, part);
        if (c.problem() != null) {
            GateOutcome p = c.problem();
            if (targetMet && p.category() == Category.INCOMPARABLE_BASELINE) {
                return new GateOutcome(gate, Status.PASS, Category.IMPROVEMENT_NOT_MET, value, null, gate.describe()
                        + " meets the target " + gate.targetText() + " (" + targetValue
                        + "); the improvement was not checked: " + p.message());
            }
            return p;
        }
        double cand = c.candidate();
        double base = c.base();
        boolean improved = metric.lowerIsBetter() ? cand <= base * (1 - x) : cand >= base * (1 + x);
        double gain = metric.lowerIsBetter() ? -Units.change(cand, base) : Units.change(cand, base);
        String detail = " (" + trialsText(c.trials()) + " " + Units.value(metric, cand) + " vs baseline "
                + Units.value(metric, base) + ")";
        if (improved) {
            return new GateOutcome(gate, Status.PASS, Category.IMPROVEMENT_NOT_MET, cand, base, gate.describe()
                    + " " + gainText(gain, RoundingMode.HALF_UP) + detail + ", meeting the minimum improvement of "
                    + Units.percent(x));
        }
        if (targetMet) {
            return new GateOutcome(gate, Status.PASS, Category.IMPROVEMENT_NOT_MET, cand, base, gate.describe()
                    + " " + gainText(gain, RoundingMode.HALF_UP) + detail + ", less than " + Units.percent(x)
                    + ", but " + targetValue + ", meeting the target " + gate.targetText());
        }
        return new GateOutcome(gate, Status.FAIL, Category.IMPROVEMENT_NOT_MET, cand, base, gate.describe() + " "
                + gainText(gain, RoundingMode.FLOOR) + detail + ", but " + required + " is required"
                + (hasTarget ? " (" + targetValue + ")" : ""));
    }

    private static String gainText(double gain, RoundingMode mode) {
        if (!Double.isFinite(gain)) {
            return "changed from a baseline of 0";
        }
        if (gain == 0) {
            return "did not change";
        }
        if (gain < 0) {
            return "worsened " + Units.unsignedPercent(gain, mode == RoundingMode.FLOOR ? RoundingMode.UP : mode);
        }
        return "improved " + Units.unsignedPercent(gain, mode);
    }

    private static String trialsText(int trials) {
        return trials == 1 ? "1 trial" : "median of " + trials + " trials";
    }
}
