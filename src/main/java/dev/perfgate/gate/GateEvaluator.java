package dev.perfgate.gate;

import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.MergedResult;
import dev.perfgate.result.RunResult;
import dev.perfgate.util.Advice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks gates against a run and, for relative gates, a baseline. Fails closed: a run without data, a flagged
 * measurement, a missing or incomparable baseline are failures with their own category, never a silent pass.
 *
 * <p>Checks per gate: max/min (THRESHOLD, on the merged distribution), maxRegression (REGRESSION) and
 * minImprovement (IMPROVEMENT_NOT_MET; passes when the improvement is significant <em>or</em> the gate's max/min
 * holds — one combined check, so max/min then is no separate check). Relative checks compare one value per trial
 * with {@link RelativeCheck}'s rules; their failing-side levels come from Holm's step-down over all of them, which
 * is why they are decided after every gate has been looked at.
 */
public final class GateEvaluator {
    private GateEvaluator() {
    }

    public static Verdict evaluate(List<Gate> gates, RunResult run, RunResult baseline, BaselineState state,
            String recordBaselineCommand) {
        return evaluate(gates, run, baseline, state, recordBaselineCommand, DecisionSettings.DEFAULT);
    }

    public static Verdict evaluate(List<Gate> gates, RunResult run, RunResult baseline, BaselineState state,
            String recordBaselineCommand, DecisionSettings settings) {
        List<GateOutcome> runProblems = new ArrayList<>();
        boolean noData = checkData(run, runProblems);
        for (String flag : run.flags()) {
            runProblems.add(new GateOutcome(null, Status.FAIL, Category.BROKEN_MEASUREMENT, null, null,
                    "the run is not a valid measurement: " + flag));
        }
        boolean failOnInconclusive = settings.inconclusive() == InconclusivePolicy.FAIL;
        if (noData) {
            return new Verdict(List.of(), runProblems, List.of(), failOnInconclusive);
        }
        String command = recordBaselineCommand == null || recordBaselineCommand.isBlank()
                ? "the perfgate baseline command" : recordBaselineCommand.trim();
        Reference reference = Reference.of(run, baseline, state, command, settings.onEnvironmentMismatch());
        List<String> warnings = new ArrayList<>();
        if (reference.environmentWarning() != null) {
            warnings.add(reference.environmentWarning());
        }
        List<Slot> slots = new ArrayList<>();
        for (Gate gate : gates) {
            evaluateGate(gate, run, reference, slots, settings);
        }
        List<RelativeCheck> tested = slots.stream().filter(sl -> sl.check() != null).map(Slot::check).toList();
        List<HolmLevel> levels = HolmLevel.assign(tested.stream().map(RelativeCheck::failP).toList(), settings);
        List<GateOutcome> outcomes = new ArrayList<>();
        int next = 0;
        for (Slot slot : slots) {
            outcomes.add(slot.outcome() != null ? slot.outcome()
                    : slot.check().decide(settings.alphaPerLook(), levels.get(next++), slot.target()));
        }
        return new Verdict(outcomes, runProblems, warnings, failOnInconclusive);
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
    private record Reference(RunResult baseline, Status status, Category category, String reason, String command,
            String environmentWarning) {

        Reference(RunResult baseline, Status status, Category category, String reason, String command) {
            this(baseline, status, category, reason, command, null);
        }

        static Reference of(RunResult run, RunResult baseline, BaselineState state, String command,
                EnvironmentPolicy onMismatch) {
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
            List<String> differences = EnvironmentGuard.differences(baseline, run);
            if (!differences.isEmpty()) {
                String where = "the baseline was measured in another environment (" + String.join("; ", differences)
                        + ")";
                switch (onMismatch) {
                    case SKIP:
                        return new Reference(null, Status.SKIPPED, Category.ENVIRONMENT_MISMATCH, where, command);
                    case FAIL:
                        return new Reference(null, Status.FAIL, Category.ENVIRONMENT_MISMATCH, where, command);
                    default:
                        return new Reference(baseline, Status.PASS, null, null, command, where
                                + "; relative checks compare them anyway (onEnvironmentMismatch=warn), so a "
                                + "difference may come from the machine, not the code");
                }
            }
            return new Reference(baseline, Status.PASS, null, null, command);
        }

        boolean usable() {
            return baseline != null;
        }

        String advice() {
            if (category == Category.ENVIRONMENT_MISMATCH) {
                return "record the baseline on this machine with " + command + ", or set <onEnvironmentMismatch>warn"
                        + "</onEnvironmentMismatch> to compare anyway";
            }
            return category == Category.MISSING_BASELINE ? Advice.recordBaseline(command)
                    : Advice.recordBaselineAgain(command);
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

    private static void evaluateGate(Gate gate, RunResult run, Reference ref, List<Slot> slots,
            DecisionSettings settings) {
        List<GateOutcome> out = new ArrayList<>();
        Double value = evaluateAbsolute(gate, run, ref, out);
        boolean usable = out.stream().noneMatch(o -> o.category() == Category.NO_DATA
                || o.category() == Category.BROKEN_MEASUREMENT);
        out.forEach(o -> slots.add(Slot.done(o)));
        if (!usable) {
            return;
        }
        if (gate.maxRegression() != null) {
            slots.add(regression(gate, run, ref, settings));
        }
        if (gate.minImprovement() != null) {
            slots.add(improvement(gate, run, value, ref, settings));
        }
    }

    /**
     * The data checks of a gate and its max/min check (not when max/min is the target of minImprovement).
     *
     * @return the merged value when the gate has max/min (also the target of minImprovement), otherwise null
     */
    private static Double evaluateAbsolute(Gate gate, RunResult run, Reference ref, List<GateOutcome> out) {
        MergedResult merged = gate.request() == null ? run.overall() : run.requests().get(gate.request());
        if (merged == null || merged.stats() == null || merged.stats().count() == 0) {
            out.add(new GateOutcome(gate, Status.FAIL, Category.NO_DATA, null, null, gate.describe()
                    + ": no requests named '" + gate.requestLabel() + "' were measured in run.json ("
                    + run.overall().stats().count() + " requests in all), so the gate cannot be checked"));
            return null;
        }
        if (gate.metric().kind() != Metric.Kind.ERROR_RATE && merged.stats().errors() >= merged.stats().count()) {
            // Timings of failures are not the service's speed: a mistyped path answering 404 fast must not pass.
            out.add(new GateOutcome(gate, Status.FAIL, Category.NO_DATA, null, null, gate.describe()
                    + ": not one of the " + merged.stats().count() + " requests of " + gate.requestLabel()
                    + " succeeded (errors: " + merged.stats().errorsByKind() + "), so the gate cannot be checked"));
            return null;
        }
        // absolute value, needed by THRESHOLD and by the target of a combined improvement gate
        Double value = null;
        if (gate.hasAbsolute()) {
            try {
                value = MetricValues.merged(run, gate);
            } catch (MetricValues.Unavailable e) {
                out.add(broken(gate, e));
                return null;
            }
        }
        if (gate.hasAbsolute() && gate.minImprovement() == null) {
            out.add(threshold(gate, value, ref));
        }
        return value;
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

    /**
     * Per-trial values of run and baseline for a relative check, or the outcome that says why there are none.
     * Relative checks compare one value per trial: requests of one trial share that trial's offset, so they are
     * not independent replications.
     */
    private record Samples(List<Double> candidate, List<Double> base, GateOutcome problem, boolean paired) {
        Samples(List<Double> candidate, List<Double> base, GateOutcome problem) {
            this(candidate, base, problem, false);
        }
    }

    /** Whether the run and its reference were measured as interleaved pairs: trial i of each side is pair i. */
    private static boolean paired(RunResult run, RunResult baseline) {
        return run.pairing() != null && run.pairing().baselineRun() != null && baseline.pairing() != null
                && baseline.pairing().order().equals(run.pairing().order());
    }

    private static Samples samples(Gate gate, RunResult run, Reference ref, String part) {
        if (!ref.usable()) {
            String message = gate.describe() + ": " + part + " was " + (ref.status() == Status.SKIPPED
                    ? "skipped" : "not checked") + ", because " + ref.reason() + "; " + ref.advice();
            return new Samples(null, null, new GateOutcome(gate, ref.status(), ref.category(), null, null, message));
        }
        List<Double> candidate;
        try {
            candidate = MetricValues.perTrial(run, gate);
        } catch (MetricValues.Unavailable e) {
            return new Samples(null, null, broken(gate, e));
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
            return new Samples(null, null, new GateOutcome(gate, Status.FAIL, Category.INCOMPARABLE_BASELINE, null,
                    null, gate.describe() + ": " + part + " was not checked, because " + problem
                            + "; re-record the baseline with " + ref.command()));
        }
        if (paired(run, baseline)) {
            if (candidate.size() != base.size()) {
                return new Samples(null, null, new GateOutcome(gate, Status.FAIL, Category.INCOMPARABLE_BASELINE,
                        null, null, gate.describe() + ": " + part + " was not checked, because the interleaved runs "
                                + "hold " + candidate.size() + " and " + base.size() + " trials instead of one pair "
                                + "each; measure both again: mvn verify"));
            }
            return new Samples(candidate, base, null, true);
        }
        return new Samples(candidate, base, null);
    }

    private static Slot regression(Gate gate, RunResult run, Reference ref, DecisionSettings settings) {
        Samples s = samples(gate, run, ref, "the maximum regression of " + Units.percent(gate.maxRegression()));
        if (s.problem() != null) {
            return Slot.done(s.problem());
        }
        return Slot.pending(new RelativeCheck(gate, RelativeCheck.Kind.REGRESSION, s.candidate(), s.base(), s.paired(),
                settings.alphaPerLook()), null);
    }

    private static Slot improvement(Gate gate, RunResult run, Double value, Reference ref,
            DecisionSettings settings) {
        Metric metric = gate.metric();
        boolean hasTarget = gate.hasAbsolute();
        boolean targetMet = hasTarget && targetMet(gate, value);
        String targetValue = hasTarget ? metric.name() + " is " + Units.value(metric, value) : "";
        Samples s = samples(gate, run, ref, "the minimum improvement of " + Units.percent(gate.minImprovement()));
        GateOutcome p = s.problem();
        if (p == null) {
            return Slot.pending(new RelativeCheck(gate, RelativeCheck.Kind.IMPROVEMENT, s.candidate(), s.base(),
                    s.paired(), settings.alphaPerLook()), hasTarget ? new RelativeCheck.Target(value, targetMet) : null);
        }
        // The seed's gate is "significantly better, or the target met": the target alone can still pass it.
        if (targetMet && p.status() != Status.PASS && p.category() != Category.BROKEN_MEASUREMENT) {
            String why = ref.usable() ? ": " + p.message() : ", because " + ref.reason();
            return Slot.done(new GateOutcome(gate, Status.PASS, Category.IMPROVEMENT_NOT_MET, value, null,
                    gate.describe() + " meets the target " + gate.targetText() + " (" + targetValue
                            + "); the improvement was not checked" + why));
        }
        String suffix = hasTarget ? " (" + targetValue + ", target not met)" : "";
        return Slot.done(new GateOutcome(gate, p.status(), p.category(), hasTarget ? value : null, null,
                p.message() + suffix));
    }

    /** An outcome in gate order: decided at once, or a relative check waiting for Holm's levels. */
    private record Slot(GateOutcome outcome, RelativeCheck check, RelativeCheck.Target target) {
        static Slot done(GateOutcome outcome) {
            return new Slot(outcome, null, null);
        }

        static Slot pending(RelativeCheck check, RelativeCheck.Target target) {
            return new Slot(null, check, target);
        }
    }
}
