package dev.perfgate.load.tool;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.ResultFileException;
import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.service.ToolProcess;
import dev.perfgate.util.Durations;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Runs an external {@link LoadTool} once per trial, each run in its own directory under the output directory
 * ({@code tool-warmup/}, {@code tool-trial-1/}...), and imports what it measured. Nothing is a silent pass: a tool
 * that cannot start, exits with a failure, overruns its trial, writes nothing readable or measures no request fails
 * the trial with the tool's last output lines.
 */
public final class ToolEngine implements LoadEngine {
    /** Lines of the tool's output quoted in a failure. */
    static final int OUTPUT_LINES = 8;
    /** Beyond the trial's duration, for the tool's start (a JVM, a Python interpreter) and its shutdown. */
    private static final Duration MIN_GRACE = Duration.ofSeconds(60);

    private final LoadTool tool;
    private final Path outputDirectory;
    private final Duration minGrace;
    private boolean timingSaid;

    /** @param outputDirectory target/perfgate: each trial's files go to a directory inside it */
    public ToolEngine(LoadTool tool, Path outputDirectory) {
        this(tool, outputDirectory, MIN_GRACE);
    }

    /** @param minGrace the least time beyond the trial's duration the tool may take before it is stopped */
    ToolEngine(LoadTool tool, Path outputDirectory, Duration minGrace) {
        this.tool = tool;
        this.outputDirectory = outputDirectory;
        this.minGrace = minGrace;
    }

    public LoadTool tool() {
        return tool;
    }

    @Override
    public TrialRecording run(TrialPlan plan) throws LoadException {
        String what = plan.warmup() ? "the warm-up" : "trial " + plan.trial();
        Path directory = outputDirectory.resolve(plan.warmup() ? "tool-warmup" : "tool-trial-" + plan.trial());
        try {
            clean(directory);
        } catch (IOException e) {
            throw new LoadException("cannot prepare " + directory + " for " + tool.name() + ": " + e.getMessage(), e);
        }
        ToolCommand command = tool.command(plan, directory);
        Path output = directory.resolve("output.log");
        if (!timingSaid) {
            plan.progress().progress("latencies " + tool.timing());
            timingSaid = true;
        }
        plan.progress().progress((plan.warmup() ? "warm-up" : "trial " + plan.trial()) + ": "
                + String.join(" ", Redaction.redactArguments(command.argv())) + " (output: " + output + ")");
        Duration timeout = plan.duration().plus(max(minGrace, plan.duration()));
        long start = System.currentTimeMillis();
        long end;
        ImportedResults results;
        Path workingDirectory = command.workingDirectory() == null ? directory : command.workingDirectory();
        List<ToolProcess> companions = new ArrayList<>();
        ToolProcess process = null;
        Path undeleted = null;
        try {
            for (int i = 0; i < command.companions().size(); i++) {
                companions.add(start(command.companions().get(i), command, workingDirectory,
                        directory.resolve("companion-" + (i + 1) + ".log"), what));
            }
            process = start(command.argv(), command, workingDirectory, output, what);
            OptionalInt exit = process.await(timeout);
            end = System.currentTimeMillis();
            if (exit.isEmpty()) {
                throw new LoadException(tool.name() + " did not finish " + what + " within "
                        + Durations.format(timeout) + " (the trial lasts " + Durations.format(plan.duration())
                        + "); it was stopped" + lastOutput(process) + "; check that the script stops after the "
                        + "duration perfgate hands it");
            }
            if (!tool.completed(exit.getAsInt())) {
                throw new LoadException(tool.name() + " failed in " + what + " with exit code " + exit.getAsInt()
                        + lastOutput(process) + " (full output: " + output + ")");
            }
            try {
                results = tool.read(plan, directory);
            } catch (ResultFileException e) {
                throw new LoadException(tool.name() + " wrote a result file perfgate cannot read in " + what + ": "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new LoadException(tool.name() + " wrote no results in " + what + " (" + e.getMessage() + ")"
                        + lastOutput(process), e);
            }
            if (results.requests() == 0) {
                throw new LoadException(tool.name() + " measured no requests in " + what + lastOutput(process)
                        + " (full output: " + output + "); check the script's target and that it sends requests");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted while " + tool.name() + " ran " + what, e);
        } finally {
            if (process != null) {
                process.close();
            }
            companions.forEach(ToolProcess::close);
            undeleted = deleteSecretFiles(directory);
        }
        if (undeleted != null) {
            throw new LoadException("cannot delete " + undeleted + ", which holds the script properties, after "
                    + tool.name() + " ran " + what + "; delete it by hand");
        }
        return results.toTrial(plan.trial(), tool.model(), start, end, plan.duration().toMillis() / 1000.0);
    }

    private ToolProcess start(List<String> argv, ToolCommand command, Path workingDirectory, Path output,
            String what) throws LoadException {
        try {
            return ToolProcess.start(argv, command.environment(), workingDirectory, output);
        } catch (IOException e) {
            throw new LoadException(tool.name() + " could not be started for " + what + " (" + argv.get(0) + ": "
                    + e.getMessage() + "); " + tool.installHint(), e);
        }
    }

    /** The tool's {@link LoadTool#secretFiles()} gone; the first that could not be deleted, or null. */
    private Path deleteSecretFiles(Path directory) {
        Path undeleted = null;
        for (String name : tool.secretFiles()) {
            Path file = directory.resolve(name);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                undeleted = undeleted == null ? file : undeleted;
            }
        }
        return undeleted;
    }

    private static String lastOutput(ToolProcess process) {
        List<String> lines = process.lastLines(OUTPUT_LINES);
        return lines.isEmpty() ? "; it wrote no output" : "; its last output: " + String.join(" | ", lines);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void clean(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(directory);
    }

    @Override
    public void close() {
        // each trial's process is stopped when its trial ends
    }
}
