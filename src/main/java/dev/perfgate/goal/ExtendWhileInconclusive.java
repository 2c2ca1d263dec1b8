package dev.perfgate.goal;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.result.RunFileException;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.run.TrialExtension;
import dev.perfgate.util.Advice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * inconclusive=extend: after the planned trials, the relative checks are evaluated once against the committed
 * baseline, with the gates validated at planning; when one is inconclusive for want of trials, all the remaining
 * trials up to the cap are measured in one go. Two looks, each at α / 2: the extension cannot turn noise into a
 * verdict, and its size is fixed in advance.
 */
final class ExtendWhileInconclusive implements TrialExtension {
    private final Path baselineFile;
    private final List<Gate> gates;
    private final DecisionSettings settings;
    private final int cap;

    /** @param settings the check's settings; each of the two looks tests at α / 2 */
    ExtendWhileInconclusive(Path baselineFile, List<Gate> gates, DecisionSettings settings, int cap) {
        this.baselineFile = baselineFile;
        this.gates = List.copyOf(gates);
        this.settings = settings.withLooks(2);
        this.cap = cap;
    }

    @Override
    public Extension extend(RunResult interim) {
        if (interim.flagged() || !Files.exists(baselineFile)) {
            return null;
        }
        RunResult baseline;
        try {
            baseline = RunJson.read(baselineFile);
        } catch (RunFileException e) {
            return null; // perfgate:check reports it; more trials would not help
        }
        List<GateOutcome> wanting = GateEvaluator.evaluate(gates, interim, baseline, BaselineState.PRESENT,
                Advice.RECORD_BASELINE_COMMAND, settings).wantingTrials();
        if (wanting.isEmpty()) {
            return null;
        }
        String which = String.join(", ", wanting.stream()
                .map(o -> o.gate().describe() + " (" + o.statistics().finding() + ")").toList());
        return new Extension(cap - interim.trials().size(), wanting.size() + " relative check(s) inconclusive: "
                + which);
    }
}
