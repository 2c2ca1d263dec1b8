package dev.perfgate.testing;

import dev.perfgate.check.Comparison;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.ConsoleSummary;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.report.LogLine;
import dev.perfgate.report.Reports;
import dev.perfgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the report tests hand the reports: a comparison of a run, its baseline and a verdict. */
public final class ReportInputs {
    private ReportInputs() {
    }

    /** The comparison the reports show: this run, its baseline and verdict, the root cause computed from them. */
    public static Comparison comparison(RunResult run, RunResult baseline, Verdict verdict) {
        return Comparison.of(run, baseline, List.of(), verdict);
    }

    /** The console summary's text, untagged as the core writes it. */
    public static List<String> console(RunResult run, RunResult baseline, Verdict verdict) {
        return ConsoleSummary.lines(comparison(run, baseline, verdict)).stream().map(LogLine::text).toList();
    }

    /** Every report of a comparison, into {@code dir} (the JUnit file beside them, no job summary). */
    public static Reports.Written write(Path dir, RunResult run, RunResult baseline, Verdict verdict)
            throws IOException {
        return Reports.write(comparison(run, baseline, verdict),
                new Reports.Destination(dir, dir.resolve(JUnitXml.FILE_NAME), null));
    }
}
