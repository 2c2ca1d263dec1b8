package dev.perfgate.maven;

import dev.perfgate.check.CheckRequest;
import dev.perfgate.check.Comparisons;
import dev.perfgate.result.RunJson;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates every gate against the run written by perfgate:run and the committed baseline (or, after an interleaved
 * run, the baseline version measured beside it), prints every violation on one line, writes the reports, and fails
 * the build when a gate is missed. No run data, zero requests, or a flagged (broken) measurement fails too: a gate
 * never passes for lack of evidence. With haltOnFailure=false (report-only) the same reports are written and every
 * violation is a warning.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGateMojo {

    /** The run to check; default: run.json in outputDirectory, where perfgate:run wrote it. */
    @Parameter(property = "perfgate.runFile")
    private File runFile;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Path run = runFile != null ? runFile.toPath() : outputDirectory.toPath().resolve(RunJson.RUN_FILE);
        judge(Comparisons.check(new CheckRequest(run, baselineFile.toPath(), gateSpecs(), decisionSpec())),
                outputDirectory.toPath(), junitFile());
    }
}
