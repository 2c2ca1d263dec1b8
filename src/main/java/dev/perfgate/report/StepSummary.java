package dev.perfgate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * GitHub Actions' job summary: the file GITHUB_STEP_SUMMARY names collects the Markdown of every step, so result.md
 * is appended, never written over (an earlier step's summary, or an earlier perfgate execution's, stays).
 */
public final class StepSummary {
    public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private StepSummary() {
    }

    /** Appends the Markdown, on lines of its own, to the file; it is created when missing (its directory is not). */
    public static void append(Path file, String markdown) throws IOException {
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        if (Files.exists(file) && Files.size(file) > 0) {
            text = "\n" + text;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
