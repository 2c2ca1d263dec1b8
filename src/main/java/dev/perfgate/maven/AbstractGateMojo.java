package dev.perfgate.maven;

import dev.perfgate.check.Evaluation;
import dev.perfgate.gate.Category;
import dev.perfgate.report.BuildOutcome;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.report.Reports;
import dev.perfgate.report.StepSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that decide gates (check, compare): the core evaluates once ({@link dev.perfgate.check.Comparisons}),
 * every report is written from that one evaluation, and the outcome becomes Maven's result: a failed check fails the
 * build, or in report-only mode is a warning.
 */
abstract class AbstractGateMojo extends AbstractPerfgateMojo {

    /**
     * Whether a failed check fails the build. false: report-only; every report is still written, each violation is
     * logged as a warning, and the build passes.
     */
    @Parameter(property = "perfgate.haltOnFailure", defaultValue = "true")
    protected boolean haltOnFailure = true;

    /** Where TEST-perfgate.xml goes: the verdict as a JUnit report, one testcase per gate check, for CI systems. */
    @Parameter(property = "perfgate.junitDirectory", defaultValue = "${project.build.directory}/perfgate-reports")
    protected File junitDirectory;

    /** Writes every report of the evaluation, prints the outcome and turns it into the build's result. */
    protected void judge(Evaluation evaluation, Path reports, Path junitFile)
            throws MojoExecutionException, MojoFailureException {
        Reports.Written written;
        try {
            written = Reports.write(evaluation, new Reports.Destination(reports, junitFile, stepSummary()));
        } catch (IOException e) {
            String message = "cannot write reports to " + reports + " and " + junitFile + ": " + e.getMessage();
            recordNoVerdict(Category.INFRASTRUCTURE, message, reports);
            throw MavenBuildLog.executionError(message, e);
        }
        BuildOutcome outcome = BuildOutcome.of(evaluation, written, haltOnFailure, ConsoleColours.style());
        outcome.printTo(buildLog());
        if (outcome.failure() == null) {
            return;
        }
        if (outcome.configurationError()) {
            throw MavenBuildLog.executionError(outcome.failure());
        }
        throw MavenBuildLog.failure(outcome.failure());
    }

    /** The JUnit file in {@code junitDirectory}. */
    protected Path junitFile() {
        return junitDirectory.toPath().resolve(JUnitXml.FILE_NAME);
    }

    /** The file of the GitHub Actions job summary, or null outside GitHub Actions. */
    private static Path stepSummary() {
        String file = System.getenv(StepSummary.VARIABLE);
        return file == null || file.isBlank() ? null : Path.of(file);
    }
}
