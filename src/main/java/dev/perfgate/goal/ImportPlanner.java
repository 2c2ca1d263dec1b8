package dev.perfgate.goal;

import dev.perfgate.imports.ResultFormat;
import dev.perfgate.run.ResultImport;
import dev.perfgate.util.ConfigurationException;
import dev.perfgate.util.Durations;
import dev.perfgate.util.Globs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** perfgate:import's rules: one file or pattern per trial, a known format, a valid duration; all at once. */
public final class ImportPlanner {
    private ImportPlanner() {
    }

    /**
     * @param trialPatterns one file or pattern per trial, relative to {@code base}
     * @param format        hlog, jtl, k6, wrk or locust-samples; null or blank to tell from each file's extension
     * @param duration      each trial's measured length, or null or blank for the data's time span
     */
    public static ResultImport.Plan plan(List<String> trialPatterns, String format, String duration, Path base,
            String pluginVersion, Path outputDirectory) throws ConfigurationException {
        List<String> problems = new ArrayList<>();
        ResultFormat parsed = null;
        if (format != null && !format.isBlank()) {
            parsed = ResultFormat.parse(format).orElse(null);
            if (parsed == null) {
                problems.add("<importFormat> '" + format + "' is not one of " + ResultFormat.ids());
            }
        }
        Duration length = duration == null || duration.isBlank() ? null
                : Durations.parseOrCollect("<importDuration>", duration, problems);
        if (trialPatterns == null || trialPatterns.isEmpty()) {
            problems.add("<importTrials> is empty: give one file or pattern per trial, e.g. "
                    + "-Dperfgate.importTrials=gen-*/trial-1.hlog,gen-*/trial-2.hlog");
        }
        List<List<Path>> trials = new ArrayList<>();
        for (String pattern : trialPatterns == null ? List.<String>of() : trialPatterns) {
            if (pattern == null || pattern.isBlank()) {
                problems.add("<importTrials> has an empty element");
                continue;
            }
            try {
                List<Path> files = Globs.expand(base, pattern);
                if (files.isEmpty()) {
                    problems.add("<importTrials> '" + pattern + "' matches no file under " + base);
                }
                trials.add(files);
            } catch (IOException | IllegalArgumentException e) {
                problems.add("<importTrials> '" + pattern + "': " + e.getMessage());
            }
        }
        ConfigurationException.throwIfAny(problems);
        return new ResultImport.Plan(trials, parsed, length, pluginVersion, base.toFile(), outputDirectory);
    }
}
