package dev.perfgate.version;

import dev.perfgate.service.ToolProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Runs one git command with a deadline; its output (stdout and stderr together) is kept for messages. */
final class Git {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Never wait for a password: a build has nobody to type it. */
    private static final Map<String, String> ENVIRONMENT = Map.of("GIT_TERMINAL_PROMPT", "0");

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The output's last non-empty line: the answer of rev-parse, after any warnings git printed first. */
        String lastLine() {
            String[] lines = output.strip().split("\\R");
            return lines[lines.length - 1].strip();
        }
    }

    private Git() {
    }

    static Result run(Path directory, Path scratch, String... args) throws BaselineVersionException {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        argv.addAll(List.of(args));
        Path output;
        try {
            Files.createDirectories(scratch);
            output = Files.createTempFile(scratch, "git-", ".log");
        } catch (IOException e) {
            throw new BaselineVersionException("cannot write in " + scratch + ": " + e.getMessage(), e);
        }
        try (ToolProcess git = ToolProcess.start(argv, ENVIRONMENT, directory, output)) {
            OptionalInt exit = git.await(TIMEOUT);
            if (exit.isEmpty()) {
                throw new BaselineVersionException("`" + String.join(" ", argv) + "` in " + directory
                        + " did not finish in " + TIMEOUT.toMinutes() + " min; run it by hand to see why");
            }
            return new Result(exit.getAsInt(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BaselineVersionException("cannot run git (" + e.getMessage() + "); install git, or "
                    + "give the baseline as <baselineArtifact>, <baselineJar> or <baselineCommand>", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BaselineVersionException("interrupted while running " + String.join(" ", argv), e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a leftover scratch file in target/ is harmless
            }
        }
    }
}
