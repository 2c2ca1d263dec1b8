package dev.perfgate.load.tool;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An external load tool that {@link ToolEngine} runs once per trial (and once for the warm-up): how to call it for a
 * trial, and how to read what it measured into perfgate's recordings.
 */
public interface LoadTool {

    /** The tool's name in messages: "Locust", "k6", "JMeter". */
    String name();

    /** The model its load follows; recorded with every trial. */
    LoadModel model();

    /**
     * How its latencies were timed, said once per run: e.g. "timed by Locust from the actual send (closed model):
     * not corrected for coordinated omission".
     */
    String timing();

    /**
     * The command for one trial.
     *
     * @param plan      the trial: its number (0 = warm-up), the service's URL, the duration
     * @param directory an empty directory for this trial's files; the tool's output goes to a file in it
     * @throws LoadException when the tool cannot be run at all (not installed, with {@link #installHint()})
     */
    ToolCommand command(TrialPlan plan, Path directory) throws LoadException;

    /**
     * Whether an exit code means the tool ran to the end. A tool that reports failed requests or its own failed
     * thresholds through its exit code (Locust 1, k6 99) still measured: those requests are in the results.
     */
    boolean completed(int exitCode);

    /**
     * Reads what the tool wrote for the trial.
     *
     * @throws ResultFileException (from dev.perfgate.imports) for a malformed file, naming file and line;
     *                             IOException when nothing was written
     */
    ImportedResults read(TrialPlan plan, Path directory) throws IOException;

    /** What to do when the executable cannot be started, e.g. "install it: apt-get install python3-locust". */
    String installHint();

    /**
     * Files in the trial's directory that hand the tool secrets (script properties) and are deleted as soon as it
     * has ended: target/ is often archived by CI, and nothing perfgate leaves there may hold a secret.
     */
    default List<String> secretFiles() {
        return List.of();
    }
}
