package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.ConsoleSummary;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.report.ReportWriter;
import dev.perfgate.report.RootCause;
import dev.perfgate.report.StepSummary;
import dev.perfgate.run.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that decide gates (check, compare): evaluating a run against its reference, writing every report, and
 * failing the build, or in report-only mode warning, when a check fails.
 */
abstract class AbstractGateMojo extends AbstractPerfgateMojo {

    /** The file of the GitHub Actions job summary, or null outside GitHub Actions. */
    static Path stepSummaryFromEnvironment() {
        String file = System.getenv(StepSummary.VARIABLE);
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /**
     * Whether a failed check fails the build. false: report-only; every report is still written, each violation is
     * logged as a warning, and the build passes.
     */
    @Parameter(property = "perfgate.haltOnFailure", defaultValue = "true")
    protected boolean haltOnFailure = true;

    /** Where TEST-perfgate.xml goes: the verdict as a JUnit report, one testcase per gate check, for CI systems. */
    @Parameter(property = "perfgate.junitDirectory", defaultValue = "${project.build.directory}/perfgate-reports")
    protected File junitDirectory;

    /** Where a goal writes: the reports' directory and the JUnit file. */
    record Destination(Path reports, Path junitFile) {
    }

    /** Whether the run could have been extended: its trials were then looked at twice. */
    static boolean extensionPlanned(RunResult run) {
        return run.load() != null && run.load().maxTrials() > run.load().plannedTrials()
                && run.load().plannedTrials() > 0;
    }

    protected Verdict evaluate(List<Gate> gates, RunResult run, RunResult baseline, BaselineState state)
            throws MojoExecutionException {
        DecisionSettings settings = decisionSettings(extensionPlanned(run));
        return GateEvaluator.evaluate(gates, run, baseline, state, RECORD_BASELINE_COMMAND, settings);
    }

    /** A JUnit file of an earlier build must not stand for this one when it ends before a verdict. */
    protected void deleteStaleJUnit(Path junitFile) throws MojoExecutionException {
        try {
            Files.deleteIfExists(junitFile);
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot delete the old " + junitFile + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * A failure before there is a verdict (the run or the baseline cannot be read): the JUnit file says so too, as
     * one failed testcase, so that CI shows it. Report-only mode does not apply: nothing could be checked.
     *
     * @param type    the testcase's failure type, e.g. "no-data"
     * @param message one line, without the "perfgate: " tag
     */
    protected MojoFailureException problem(Path junitFile, String type, String message) {
        try {
            JUnitXml.writeProblem(junitFile, type, message);
        } catch (IOException e) {
            getLog().warn("perfgate: cannot write " + junitFile + ": " + e.getMessage());
        }
        return new MojoFailureException("perfgate: " + message);
    }

    /**
     * Writes every report, prints the summary, and fails the build when a check failed and {@code halt} is set;
     * otherwise each violation is a warning. The last line names the HTML report when there is one.
     */
    protected void report(Destination to, RunResult run, RunResult baseline, List<Gate> gates, Verdict verdict,
            boolean halt, Path stepSummary) throws MojoExecutionException, MojoFailureException {
        ReportWriter.Written written;
        try {
            written = ReportWriter.write(to.reports(), run, baseline, verdict);
            JUnitXml.write(to.junitFile(), verdict);
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot write reports to " + to.reports() + " and "
                    + to.junitFile() + ": " + e.getMessage(), e);
        }
        if (stepSummary != null) {
            try {
                StepSummary.append(stepSummary, Files.readString(written.markdown()));
            } catch (IOException e) {
                // the job summary is a convenience: the verdict and the files stand without it
                getLog().warn("perfgate: cannot append result.md to the job summary " + stepSummary + " ("
                        + StepSummary.VARIABLE + "): " + e.getMessage());
            }
        }
        ConsoleSummary.lines(run, baseline, verdict, ConsoleColours.style()).forEach(line -> getLog().info(line));
        if (written.flameDiff() != null) {
            getLog().info("perfgate: differential CPU flame graph (red: hotter than the baseline): "
                    + written.flameDiff());
        }
        verdict.warnings().forEach(w -> getLog().warn("perfgate: " + w));
        List<GateOutcome> failures = verdict.failures();
        if (failures.isEmpty()) {
            long inconclusiveChecks = verdict.count(Status.INCONCLUSIVE);
            long skippedChecks = verdict.count(Status.SKIPPED);
            String outcome = gates.isEmpty() ? "no gates are configured, so the comparison only reports"
                    : inconclusiveChecks + skippedChecks == 0 ? "all " + gates.size() + " gate(s) passed"
                    : "no gate failed: " + verdict.count(Status.PASS) + " check(s) passed, " + inconclusiveChecks
                            + " inconclusive, " + skippedChecks + " skipped (see the warnings above)";
            getLog().info("perfgate: " + outcome + "; report: " + written.markdown());
            htmlReportLine(to.reports());
            return;
        }
        String summary = failures.size() + " of " + (gates.size() + verdict.runProblems().size())
                + " check(s) failed: " + failures.get(0).message()
                + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more above)" : "")
                + rootCause(run, baseline) + "; report: " + written.markdown();
        if (!halt) {
            failures.forEach(f -> getLog().warn("perfgate: " + f.message()));
            getLog().warn("perfgate: " + summary + " (report-only: "
                    + (gates.isEmpty() ? "no gates are configured" : "haltOnFailure is false") + ", the build goes on)");
            htmlReportLine(to.reports());
            return;
        }
        // Every violation, not just the first: a developer fixes them in one go.
        failures.forEach(f -> getLog().error("perfgate: " + f.message()));
        htmlReportLine(to.reports());
        throw new MojoFailureException("perfgate: " + summary);
    }

    /** "; root cause candidate: …" from the profiles, or "" when there is none. */
    private static String rootCause(RunResult run, RunResult baseline) {
        var candidates = RootCause.candidates(run, baseline);
        return candidates.isEmpty() ? "" : "; root cause candidate: " + candidates.get(0).describe();
    }

    /** The HTML report is written beside result.md (when this perfgate writes one): its path, last, to click on. */
    private void htmlReportLine(Path reports) {
        Path html = reports.resolve(dev.perfgate.report.HtmlReport.FILE);
        if (Files.isRegularFile(html)) {
            getLog().info("perfgate: HTML report: " + html.toAbsolutePath());
        }
    }
}
