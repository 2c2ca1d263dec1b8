package dev.perfgate.report;

import dev.perfgate.check.Comparison;
import dev.perfgate.check.Evaluation;
import dev.perfgate.check.NoVerdict;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Verdict;
import dev.perfgate.util.BuildLog;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check or comparison tells the person running the build, and whether the build fails: the console summary,
 * every violation on a line of its own (errors, or warnings in report-only mode), and one line that names the first
 * violation, the root-cause candidate and the report. The Mojos only print the lines and turn {@link #failure()}
 * into Maven's result.
 */
public final class BuildOutcome {
    private final List<LogLine> lines;
    private final String failure;
    private final boolean configurationError;

    private BuildOutcome(List<LogLine> lines, String failure, boolean configurationError) {
        this.lines = List.copyOf(lines);
        this.failure = failure;
        this.configurationError = configurationError;
    }

    /**
     * @param haltOnFailure whether failed checks fail the build; false is report-only (also when the comparison has
     *                      no gates). A check without a verdict fails whatever this says: nothing could be checked
     */
    public static BuildOutcome of(Evaluation evaluation, Reports.Written written, boolean haltOnFailure,
            StatusStyle style) {
        if (evaluation instanceof NoVerdict none) {
            List<LogLine> lines = new ArrayList<>();
            if (none.problems().size() > 1) {
                // every problem on a line of its own: a developer fixes them in one go
                none.problems().forEach(p -> lines.add(LogLine.error(p)));
            }
            return new BuildOutcome(lines, none.message(), none.configuration());
        }
        Comparison comparison = (Comparison) evaluation;
        Verdict verdict = comparison.verdict();
        int gates = comparison.gates().size();
        List<LogLine> lines = new ArrayList<>();
        comparison.notes().forEach(n -> lines.add(LogLine.info(n)));
        if (written.stepSummaryProblem() != null) {
            lines.add(LogLine.warn(written.stepSummaryProblem()));
        }
        lines.addAll(ConsoleSummary.lines(comparison, style));
        if (written.flameDiff() != null) {
            lines.add(LogLine.info("differential CPU flame graph (red: hotter than the baseline): "
                    + written.flameDiff()));
        }
        verdict.warnings().forEach(w -> lines.add(LogLine.warn(w)));
        List<GateOutcome> failures = verdict.failures();
        String failure = null;
        if (failures.isEmpty()) {
            long inconclusiveChecks = verdict.count(Status.INCONCLUSIVE);
            long skippedChecks = verdict.count(Status.SKIPPED);
            String outcome = gates == 0 ? "no gates are configured, so the comparison only reports"
                    : inconclusiveChecks + skippedChecks == 0 ? "all " + gates + " gate(s) passed"
                    : "no gate failed: " + verdict.count(Status.PASS) + " check(s) passed, " + inconclusiveChecks
                            + " inconclusive, " + skippedChecks + " skipped (see the warnings above)";
            lines.add(LogLine.info(outcome + "; report: " + written.markdown()));
        } else {
            var hotter = comparison.rootCause().hotter();
            String summary = failures.size() + " of " + (gates + verdict.runProblems().size())
                    + " check(s) failed: " + failures.get(0).message()
                    + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more above)" : "")
                    + (hotter.isEmpty() ? "" : "; root cause candidate: " + hotter.get(0).describe())
                    + "; report: " + written.markdown();
            boolean halt = haltOnFailure && gates > 0;
            if (halt) {
                // Every violation, not just the first: a developer fixes them in one go.
                failures.forEach(f -> lines.add(LogLine.error(f.message())));
                failure = summary;
            } else {
                failures.forEach(f -> lines.add(LogLine.warn(f.message())));
                lines.add(LogLine.warn(summary + " (report-only: " + (gates == 0 ? "no gates are configured"
                        : "haltOnFailure is false") + ", the build goes on)"));
            }
        }
        // The HTML report is written beside result.md: its path, last, to click on.
        if (written.html() != null && Files.isRegularFile(written.html())) {
            lines.add(LogLine.info("HTML report: " + written.html().toAbsolutePath()));
        }
        return new BuildOutcome(lines, failure, false);
    }

    /** The lines for the build log, in order. */
    public List<LogLine> lines() {
        return lines;
    }

    public void printTo(BuildLog log) {
        lines.forEach(line -> line.printTo(log));
    }

    /** The one line the build fails with, or null when the build goes on. */
    public String failure() {
        return failure;
    }

    /** Whether the build fails because the configuration cannot be used, rather than because a check failed. */
    public boolean configurationError() {
        return configurationError;
    }
}
