package dev.perfgate.check;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateConfigException;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.Verdict;
import dev.perfgate.result.RunFileException;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.util.Advice;
import dev.perfgate.util.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * perfgate:check and perfgate:compare as one evaluation: read the run and its reference, validate the gates and
 * the decision settings once (every problem in one round), evaluate once, find the root-cause candidates once. What
 * differs between the two goals is only where the files come from and what their messages advise.
 */
public final class Comparisons {
    static final String NO_RUN_ADVICE = "run the measurement first: " + Advice.MEASURE_AGAIN_COMMAND
            + " (perfgate:run is bound to integration-test)";

    private Comparisons() {
    }

    /** perfgate:check: the run against the baseline version measured beside it, or else the committed baseline. */
    public static Evaluation check(CheckRequest request) {
        Inputs in = Inputs.read(request.gates(), request.decision(), request.runFile());
        if (in.configurationProblem() != null) {
            return in.configurationProblem();
        }
        if (in.run() == null) {
            return NoVerdict.failure(Category.NO_DATA, "no usable run data: " + in.runError() + "; "
                    + NO_RUN_ADVICE);
        }
        RunResult run = in.run();
        if (in.gates().isEmpty()) {
            // A check without gates would always pass: most often the gates sit in another execution or profile.
            return NoVerdict.failure(Category.INFRASTRUCTURE, "no <gates> are configured for perfgate:check, so "
                    + "nothing would be checked; declare them in the plugin's <configuration> (not only in one "
                    + "execution), or skip the goal with -Dperfgate.skip=true");
        }
        Path paired = pairedBaseline(run, request.runFile());
        if (paired != null) {
            // interleaved A/B: the baseline version measured beside this build, pair by pair, is the reference;
            // the committed baseline file plays no part in the relative checks
            RunResult baseline;
            try {
                baseline = RunJson.read(paired);
            } catch (RunFileException e) {
                return NoVerdict.failure(Category.INCOMPARABLE_BASELINE, "the baseline version's run "
                        + e.getMessage() + "; measure both again: " + Advice.MEASURE_AGAIN_COMMAND);
            }
            return evaluate(in, baseline, BaselineState.PRESENT).withNote("relative gates compare "
                    + run.pairing().pairs() + " interleaved pairs with " + run.pairing().baselineVersion());
        }
        if (!Files.exists(request.baselineFile())) {
            return evaluate(in, null, in.whenBaselineMissing());
        }
        try {
            return evaluate(in, RunJson.read(request.baselineFile()), BaselineState.PRESENT);
        } catch (RunFileException e) {
            return NoVerdict.failure(Category.INCOMPARABLE_BASELINE, "the baseline " + e.getMessage()
                    + "; fix it or record it again: " + Advice.RECORD_BASELINE_COMMAND);
        }
    }

    /** perfgate:compare: two files named by the user (or their defaults in a project). */
    public static Evaluation compare(CompareRequest request) {
        if (request.runFile() == null || request.referenceFile() == null) {
            return NoVerdict.failure(Category.INFRASTRUCTURE, "outside a project, perfgate:compare needs both files: "
                    + "-Dperfgate.compare.run=<run.json or baseline file> -Dperfgate.compare.baseline=<baseline file "
                    + "or run.json>");
        }
        Inputs in = Inputs.read(request.gates(), request.decision(), request.runFile());
        if (in.configurationProblem() != null) {
            return in.configurationProblem();
        }
        if (in.run() == null) {
            return NoVerdict.failure(Category.NO_DATA, "the run to compare " + in.runError() + "; name it with "
                    + "-Dperfgate.compare.run=<run.json or baseline file>");
        }
        RunResult reference;
        try {
            reference = RunJson.read(request.referenceFile());
        } catch (RunFileException e) {
            return NoVerdict.failure(Category.INCOMPARABLE_BASELINE, "the run to compare with " + e.getMessage()
                    + "; name it with -Dperfgate.compare.baseline=<baseline file or run.json>");
        }
        return evaluate(in, reference, BaselineState.PRESENT)
                .withNote("comparing " + request.runFile() + " with " + request.referenceFile());
    }

    private static Comparison evaluate(Inputs in, RunResult baseline, BaselineState state) {
        DecisionSettings settings = in.settings().withLooks(DecisionSpec.looks(in.run()));
        Verdict verdict = GateEvaluator.evaluate(in.gates(), in.run(), baseline, state,
                Advice.RECORD_BASELINE_COMMAND, settings);
        return Comparison.of(in.run(), baseline, in.gates(), verdict);
    }

    /** The baseline version's run an interleaved run names, or null for a run measured alone. */
    private static Path pairedBaseline(RunResult run, Path runFile) {
        if (run.pairing() == null || run.pairing().baselineRun() == null) {
            return null;
        }
        return runFile.toAbsolutePath().getParent().resolve(run.pairing().baselineRun());
    }

    /**
     * The run and the configuration, each validated once: the gates are parsed against the run's request names
     * when the run can be read, and for their own sake when it cannot.
     */
    private record Inputs(RunResult run, String runError, List<Gate> gates, DecisionSettings settings,
            BaselineState whenBaselineMissing, NoVerdict configurationProblem) {

        static Inputs read(List<GateSpec> specs, DecisionSpec decision, Path runFile) {
            List<String> problems = new ArrayList<>();
            DecisionSettings settings = decision.settings(problems);
            BaselineState missing = decision.whenBaselineMissing(problems);
            RunResult run = null;
            String runError = null;
            try {
                run = RunJson.read(runFile);
            } catch (RunFileException e) {
                runError = e.getMessage();
            }
            List<Gate> gates = List.of();
            try {
                gates = Gates.parse(specs, run == null ? null : run.requests().keySet());
            } catch (GateConfigException e) {
                problems.addAll(e.problems());
            }
            NoVerdict configuration = problems.isEmpty() ? null
                    : NoVerdict.configuration(new ConfigurationException(problems));
            return new Inputs(run, runError, gates, settings, missing, configuration);
        }
    }
}
