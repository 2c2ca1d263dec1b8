package dev.perfgate.maven;

import dev.perfgate.report.BaselineMarkdown;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Measures exactly as perfgate:run does and records the result as the baseline to commit, plus a
 * human-readable baseline report (docs/perf/baseline.md). The only goal that writes the baseline; the write is atomic.
 * Run it after packaging: {@code mvn package perfgate:baseline}.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class BaselineMojo extends AbstractMeasureMojo {

    /** The human-readable baseline report. */
    @Parameter(property = "perfgate.baselineReport", defaultValue = "${project.basedir}/docs/perf/baseline.md")
    private File baselineReport;

    /**
     * With maxTrials set, the baseline is measured with that many trials: it is measured once and compared with
     * every later run, and more baseline trials make every comparison more sensitive.
     */
    @Override
    protected int trialsToPlan() {
        return maxTrials != null && maxTrials > trials ? maxTrials : trials;
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        RunResult run = measure();
        if (run.flagged()) {
            // A baseline is what every later build is judged against: a broken measurement must not become one.
            throw new MojoFailureException("perfgate: this measurement is not valid, so it was not recorded as the "
                    + "baseline: " + String.join("; ", run.flags()) + "; fix the cause and run "
                    + RECORD_BASELINE_COMMAND + " again");
        }
        if (run.overall().stats().count() == 0) {
            throw new MojoFailureException("perfgate: no requests were measured, so no baseline was recorded");
        }
        if (run.overall().stats().errors() >= run.overall().stats().count()) {
            throw new MojoFailureException("perfgate: not one of the " + run.overall().stats().count()
                    + " requests succeeded (errors: " + run.overall().stats().errorsByKind() + "), so no baseline "
                    + "was recorded; see " + outputDirectory.toPath().resolve("service.log"));
        }
        RunResult baseline = run.asBaseline();
        try {
            RunJson.write(baselineFile.toPath(), baseline);
            RunJson.writeAtomically(baselineReport.toPath(),
                    BaselineMarkdown.render(baseline, displayPath(baselineFile), RECORD_BASELINE_COMMAND));
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot write the baseline " + baselineFile + ": "
                    + e.getMessage(), e);
        }
        getLog().info("perfgate: baseline recorded in " + baselineFile + " (" + run.overall().stats().count()
                + " requests, " + run.trials().size() + " trials); report: " + baselineReport);
        getLog().info("perfgate: commit both files so that perfgate:check compares against them");
    }

    /** The baseline's path relative to the project, as people see it in the repository. */
    private String displayPath(File file) {
        java.nio.file.Path base = project.getBasedir().toPath().toAbsolutePath();
        java.nio.file.Path target = file.toPath().toAbsolutePath();
        return target.startsWith(base) ? base.relativize(target).toString().replace('\\', '/') : target.toString();
    }
}
