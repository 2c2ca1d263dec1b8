package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.run.RunFileException;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import java.io.File;
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
 * requests, or a flagged (broken) measurement fails too: a gate never passes for lack of evidence. With
 * haltOnFailure=false (report-only) the same reports are written and every violation is a warning.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGateMojo {

    /** The run to check; default: run.json in outputDirectory, where perfgate:run wrote it. */
    @Parameter(property = "perfgate.runFile")
    private File runFile;

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
        Path junitFile = junitDirectory.toPath().resolve(JUnitXml.FILE_NAME);
        deleteStaleJUnit(junitFile);
        try {
            check(junitFile);
        } catch (MojoExecutionException e) {
            // a rejected configuration, or reports that could not be written: no verdict this build
            recordNoVerdict(Category.INFRASTRUCTURE, e.getMessage());
            problem(junitFile, Category.INFRASTRUCTURE.id(), e.getMessage().replaceFirst("^perfgate: ", ""));
            throw e;
        }
    }

    /**
     * A failure before any gate is evaluated: result.json and the JUnit file say so first, so that CI never reads an
     * older build's verdict.
     *
     * @param message one line, without the "perfgate: " tag
     */
    private MojoFailureException noVerdict(Path junitFile, Category category, String message) {
        recordNoVerdict(category, "perfgate: " + message);
        return problem(junitFile, category.id(), message);
    }

    private void check(Path junitFile) throws MojoExecutionException, MojoFailureException {
        BaselineState missingState = missingBaselineState();
        decisionSettings(false);
        File runData = runFile != null ? runFile : new File(outputDirectory, "run.json");
        RunResult run;
        try {
            run = RunJson.read(runData.toPath());
        } catch (RunFileException e) {
            throw noVerdict(junitFile, Category.NO_DATA, "no usable run data: " + e.getMessage()
                    + "; run the measurement first: mvn verify (perfgate:run is bound to integration-test)");
        }
        List<Gate> parsed = parseGates(run.requests().keySet());
        if (parsed.isEmpty()) {
            // A check without gates would always pass: most often the gates sit in another execution or profile.
            throw noVerdict(junitFile, Category.INFRASTRUCTURE, "no <gates> are configured for perfgate:check, so "
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
                throw noVerdict(junitFile, Category.INCOMPARABLE_BASELINE, "the baseline version's run "
                        + e.getMessage() + "; measure both again: mvn verify");
            }
            getLog().info("perfgate: relative gates compare " + run.pairing().pairs() + " interleaved pairs with "
                    + run.pairing().baselineVersion());
        } else if (Files.exists(baselineFile.toPath())) {
            try {
                baseline = RunJson.read(baselineFile.toPath());
            } catch (RunFileException e) {
                throw noVerdict(junitFile, Category.INCOMPARABLE_BASELINE, "the baseline " + e.getMessage()
                        + "; fix it or record it again: " + RECORD_BASELINE_COMMAND);
            }
        } else {
            state = missingState;
        }
        Verdict verdict = evaluate(parsed, run, baseline, state);
        report(new Destination(outputDirectory.toPath(), junitFile), run, baseline, parsed, verdict, haltOnFailure,
                stepSummaryFromEnvironment());
    }
}
