package dev.perfgate.goal;

import dev.perfgate.report.BaselineMarkdown;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.run.Measurement;
import dev.perfgate.util.Advice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * perfgate:baseline's own rules: what may become the baseline every later build is judged against, and how it is
 * written (the baseline file and its page, each atomically).
 */
public final class BaselineRecording {
    private BaselineRecording() {
    }

    /**
     * Why this measurement must not become the baseline, or null when it may.
     *
     * @param outputDirectory where the service log is, for the message
     */
    public static String refusal(RunResult run, Path outputDirectory) {
        if (run.flagged()) {
            // A baseline is what every later build is judged against: a broken measurement must not become one.
            return "this measurement is not valid, so it was not recorded as the baseline: "
                    + String.join("; ", run.flags()) + "; fix the cause and run " + Advice.RECORD_BASELINE_COMMAND
                    + " again";
        }
        if (run.overall().stats().count() == 0) {
            return "no requests were measured, so no baseline was recorded";
        }
        if (run.overall().stats().errors() >= run.overall().stats().count()) {
            return "not one of the " + run.overall().stats().count() + " requests succeeded (errors: "
                    + run.overall().stats().errorsByKind() + "), so no baseline was recorded; see "
                    + outputDirectory.resolve(Measurement.SERVICE_LOG);
        }
        return null;
    }

    /**
     * Writes the baseline file and its page.
     *
     * @param shownPath the baseline file's path as the page names it (relative to the project)
     * @return the baseline as written
     */
    public static RunResult write(RunResult run, Path baselineFile, Path page, String shownPath) throws IOException {
        RunResult baseline = run.asBaseline();
        RunJson.write(baselineFile, baseline);
        RunJson.writeAtomically(page, BaselineMarkdown.render(baseline, shownPath, Advice.RECORD_BASELINE_COMMAND));
        return baseline;
    }
}
