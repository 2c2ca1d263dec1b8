package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.InconclusivePolicy;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Verdict;
import dev.perfgate.run.RunFileException;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import dev.perfgate.run.TrialExtension;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Starts the service, warms it up, runs the trials while recording latency (HdrHistogram) and a JFR profile,
 * stops the service, and writes target/perfgate/run.json with one .hlog and one .jfr per trial. Never fails the
 * build for a missed gate (perfgate:check does, in verify), so post-integration-test teardown still runs; fails
 * for infrastructure errors (the service did not start or crashed, nothing could be sent).
 *
 * <p>With {@code inconclusive=extend}, it looks at the relative checks once after the planned trials and, when one
 * is inconclusive for want of trials, measures up to maxTrials in one go. Two looks, each at α / 2: the extension
 * cannot turn noise into a verdict, and its size is fixed in advance.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class RunMojo extends AbstractMeasureMojo {

    @Override
    protected void executeGoal() throws MojoExecutionException {
        DecisionSettings settings = decisionSettings(false);
        TrialExtension extension = null;
        if (settings.inconclusive() == InconclusivePolicy.EXTEND) {
            if (trialCap() <= trialsToPlan()) {
                throw new MojoExecutionException("perfgate: <inconclusive>extend</inconclusive> needs <maxTrials> "
                        + "above <trials> (" + trials + "), e.g. <maxTrials>" + (2 * trials) + "</maxTrials>");
            }
            extension = interim -> extendWhileInconclusive(interim, settings.withLooks(2));
        }
        RunResult run = measure(extension);
        getLog().info("perfgate: measured " + run.overall().stats().count() + " requests in " + run.trials().size()
                + " trial(s); " + outputDirectory.toPath().resolve("run.json"));
        run.flags().forEach(f -> getLog().warn("perfgate: not a valid measurement: " + f));
    }

    /** All the remaining trials up to the cap when a relative check is inconclusive for want of trials. */
    private TrialExtension.Extension extendWhileInconclusive(RunResult interim, DecisionSettings settings) {
        if (interim.flagged() || !Files.exists(baselineFile.toPath())) {
            return null;
        }
        RunResult baseline;
        List<Gate> parsed;
        try {
            baseline = RunJson.read(baselineFile.toPath());
            parsed = parseGates(interim.requests().keySet());
        } catch (RunFileException | MojoExecutionException e) {
            return null; // perfgate:check reports it; more trials would not help
        }
        Verdict verdict = GateEvaluator.evaluate(parsed, interim, baseline, BaselineState.PRESENT,
                RECORD_BASELINE_COMMAND, settings);
        List<GateOutcome> wanting = verdict.outcomes().stream()
                .filter(o -> o.status() == Status.INCONCLUSIVE && o.statistics() != null
                        && !o.statistics().noisy())
                .toList();
        if (wanting.isEmpty()) {
            return null;
        }
        String which = String.join(", ", wanting.stream()
                .map(o -> o.gate().describe() + " (" + o.statistics().finding() + ")").toList());
        return new TrialExtension.Extension(trialCap() - interim.trials().size(),
                wanting.size() + " relative check(s) inconclusive: " + which);
    }
}
