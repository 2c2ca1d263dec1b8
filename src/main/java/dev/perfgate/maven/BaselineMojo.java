package dev.perfgate.maven;

import dev.perfgate.goal.BaselineRecording;
import dev.perfgate.goal.MeasurementConfig;
import dev.perfgate.result.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Measures exactly as perfgate:run does (with maxTrials trials, when set) and records the result as the baseline to
 * commit, plus a human-readable baseline report (docs/perf/baseline.md). The only goal that writes the baseline; the
 * write is atomic. Refuses a flagged measurement. Run it after packaging: {@code mvn package perfgate:baseline}.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class BaselineMojo extends AbstractMeasureMojo {

    /** The human-readable baseline report. */
    @Parameter(property = "perfgate.baselineReport", defaultValue = "${project.basedir}/docs/perf/baseline.md")
    private File baselineReport;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        RunResult run = measure(MeasurementConfig.Goal.BASELINE);
        String refused = BaselineRecording.refusal(run, outputDirectory.toPath());
        if (refused != null) {
            throw MavenBuildLog.failure(refused);
        }
        try {
            BaselineRecording.write(run, baselineFile.toPath(), baselineReport.toPath(), shown(baselineFile));
        } catch (IOException e) {
            throw MavenBuildLog.executionError("cannot write the baseline " + baselineFile + ": " + e.getMessage(), e);
        }
        buildLog().info("baseline recorded in " + baselineFile + " (" + run.overall().stats().count()
                + " requests, " + run.trials().size() + " trials); report: " + baselineReport);
        buildLog().info("commit both files so that perfgate:check compares against them");
    }

    /** The baseline's path relative to the project, as people see it in the repository. */
    private String shown(File file) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path target = file.toPath().toAbsolutePath();
        return target.startsWith(base) ? base.relativize(target).toString().replace('\\', '/') : target.toString();
    }
}
