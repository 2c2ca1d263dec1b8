package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.ReportWriter;
import dev.perfgate.run.RunFileException;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates every gate against the run written by perfgate:run and the committed baseline, prints every
 * violation on one line, writes the reports, and fails the build when a gate is missed. No run data, zero
 * requests, or a flagged (broken) measurement fails too: a gate never passes for lack of evidence.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractPerfgateMojo {

    /** The run to check; default: run.json in outputDirectory, where perfgate:run wrote it. */
    @Parameter(property = "perfgate.runFile")
    private File runFile;

    /** "; root cause candidate: …" from the profiles, or "" when there is none. */
    private static String rootCause(RunResult run, RunResult baseline) {
        var candidates = dev.perfgate.report.RootCause.candidates(run, baseline);
        return candidates.isEmpty() ? "" : "; root cause candidate: " + candidates.get(0).describe();
    }

    /** Whether the run could have been extended: its trials were then looked at twice. */
    private static boolean extensionPlanned(RunResult run) {
        return run.load() != null && run.load().maxTrials() > run.load().plannedTrials()
                && run.load().plannedTrials() > 0;
    }

    /** The baseline version's run an interleaved run names, or null for a run measured alone. */
    private static Path pairedBaseline(RunResult run, Path runFile) {
        if (run.pairing() == null || run.pairing().baselineRun() == null) {
            return null;
        }
        Path dir = runFile.toAbsolutePath().getParent();
        return dir.resolve(run.pairing().baselineRun());
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        try {
            check();
        } catch (MojoExecutionException e) {
            // a rejected configuration, or reports that could not be written: no verdict this build
            recordNoVerdict(Category.INFRASTRUCTURE, e.getMessage());
            throw e;
        }
    }

    /** A failure before any gate is evaluated, recorded in result.json first. */
    private MojoFailureException noVerdict(Category category, String message) {
        recordNoVerdict(category, message);
        return new MojoFailureException(message);
    }

    private void check() throws MojoExecutionException, MojoFailureException {
        BaselineState missingState = missingBaselineState();
        decisionSettings(false);
        File runData = runFile != null ? runFile : new File(outputDirectory, "run.json");
        RunResult run;
        try {
            run = RunJson.read(runData.toPath());
        } catch (RunFileException e) {
            throw noVerdict(Category.NO_DATA, "perfgate: no usable run data: " + e.getMessage()
                    + "; run the measurement first: mvn verify (perfgate:run is bound to integration-test)");
        }
        List<Gate> parsed = parseGates(run.requests().keySet());
        if (parsed.isEmpty()) {
            // A check without gates would always pass: most often the gates sit in another execution or profile.
            throw noVerdict(Category.INFRASTRUCTURE, "perfgate: no <gates> are configured for perfgate:check, so "
                    + "nothing would be checked; declare them in the plugin's <configuration> (not only in one "
                    + "execution), or skip the goal with -Dperfgate.skip=true");
        }
        RunResult baseline = null;
        BaselineState state = BaselineState.PRESENT;
        Path paired = pairedBaseline(run, runData.toPath());
        if (paired != null) {
            // interleaved A/B: the baseline version measured beside this build, pair by pair, is the reference;
            // the committed baseline file plays no part in the relative checks
            try {
                baseline = RunJson.read(paired);
            } catch (RunFileException e) {
                throw noVerdict(Category.INCOMPARABLE_BASELINE, "perfgate: the baseline version's run "
                        + e.getMessage() + "; measure both again: mvn verify");
            }
            getLog().info("perfgate: relative gates compare " + run.pairing().pairs() + " interleaved pairs with "
                    + run.pairing().baselineVersion());
        } else if (Files.exists(baselineFile.toPath())) {
            try {
                baseline = RunJson.read(baselineFile.toPath());
            } catch (RunFileException e) {
                throw noVerdict(Category.INCOMPARABLE_BASELINE, "perfgate: the baseline " + e.getMessage()
                        + "; fix it or record it again: " + RECORD_BASELINE_COMMAND);
            }
        } else {
            state = missingState;
        }
        DecisionSettings settings = decisionSettings(extensionPlanned(run));
        Verdict verdict = GateEvaluator.evaluate(parsed, run, baseline, state, RECORD_BASELINE_COMMAND, settings);
        ReportWriter.Written written;
        try {
            written = ReportWriter.write(outputDirectory.toPath(), run, baseline, verdict);
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot write reports to " + outputDirectory + ": "
                    + e.getMessage(), e);
        }
        written.consoleLines().forEach(line -> getLog().info(line));
        if (written.flameDiff() != null) {
            getLog().info("perfgate: differential CPU flame graph (red: hotter than the baseline): "
                    + written.flameDiff());
        }
        verdict.warnings().forEach(w -> getLog().warn("perfgate: " + w));
        List<GateOutcome> failures = verdict.failures();
        if (failures.isEmpty()) {
            long inconclusiveChecks = verdict.count(Status.INCONCLUSIVE);
            long skippedChecks = verdict.count(Status.SKIPPED);
            getLog().info("perfgate: " + (inconclusiveChecks + skippedChecks == 0
                    ? "all " + parsed.size() + " gate(s) passed"
                    : "no gate failed: " + verdict.count(Status.PASS) + " check(s) passed, " + inconclusiveChecks
                            + " inconclusive, " + skippedChecks + " skipped (see the warnings above)")
                    + "; report: " + written.markdown());
            return;
        }
        // Every violation, not just the first: a developer fixes them in one go.
        failures.forEach(f -> getLog().error("perfgate: " + f.message()));
        throw new MojoFailureException("perfgate: " + failures.size() + " of " + (parsed.size()
                + verdict.runProblems().size()) + " check(s) failed: " + failures.get(0).message()
                + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more above)" : "")
                + rootCause(run, baseline)
                + "; report: " + written.markdown());
    }

}
