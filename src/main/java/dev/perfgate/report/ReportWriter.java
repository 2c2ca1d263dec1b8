package dev.perfgate.report;

import dev.perfgate.gate.Verdict;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes every report of a check into the output directory and returns what goes to the console. */
public final class ReportWriter {
    public static final String RESULT_MARKDOWN = "result.md";
    public static final String RESULT_JSON = "result.json";

    /** What was written, and the console summary. */
    public record Written(List<String> consoleLines, Path markdown, Path json) {
    }

    private ReportWriter() {
    }

    public static Written write(Path directory, RunResult run, RunResult baseline, Verdict verdict)
            throws IOException {
        Path markdown = directory.resolve(RESULT_MARKDOWN);
        Path json = directory.resolve(RESULT_JSON);
        RunJson.writeAtomically(markdown, ResultMarkdown.render(run, baseline, verdict));
        ResultJson.of(verdict, RootCause.all(run, baseline)).write(json);
        return new Written(ConsoleSummary.lines(run, baseline, verdict), markdown, json);
    }
}
