package dev.perfgate.goal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perfgate.profile.HealthCheck;
import dev.perfgate.profile.HealthReport;
import dev.perfgate.profile.ProfileAnalyzer;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.profile.ProfileStacks;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.result.RunJson;
import dev.perfgate.util.BuildLog;
import dev.perfgate.util.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * perfgate:profile: any JFR recording analysed without sending load — one from perfgate:run, or one taken in
 * production — and, given a second one, the methods whose share changed significantly. Writes profile.json (the
 * summary, as in run.json, and JDK Mission Control's health report), flame graphs and pprof profiles, and with a
 * baseline a differential CPU flame graph.
 */
public final class ProfileAnalysis {
    private static final int SHOWN = 10;

    private ProfileAnalysis() {
    }

    /**
     * @param recording   the recording to analyse
     * @param baseline    a recording to compare it with, or null
     * @param health      warning, info or off: which of JDK Mission Control's findings to list
     * @param directory   where the files go
     * @throws ConfigurationException  when a recording is missing or the health level unknown
     * @throws PlanningException       when a recording cannot be read or the files cannot be written
     */
    public static void run(Path recording, Path baseline, String health, Path directory, BuildLog log)
            throws ConfigurationException, PlanningException {
        HealthReport.Severity threshold = healthThreshold(health);
        ProfileSummary summary = analyze(recording, "perfgate.jfr");
        ProfileSummary before = baseline == null ? null : analyze(baseline, "perfgate.baselineJfr");
        log.info(String.format(Locale.ROOT, "%s: %d CPU samples in Java code, %d in native code", recording,
                summary.javaSamples(), summary.nativeSamples()));
        for (ProfileSummary.Count c : summary.selfTop().stream().limit(SHOWN).toList()) {
            log.detail(String.format(Locale.ROOT, "  %5.1f %%  %6d  %s", 100.0 * c.value()
                    / Math.max(1, summary.javaSamples()), c.value(), c.name()));
        }
        summary.warnings().forEach(log::warn);
        if (summary.bottleneck() != null) {
            log.info(summary.bottleneck().verdict() + ": " + summary.bottleneck().reason());
        }
        if (before != null) {
            List<ProfileDiff.Finding> findings = ProfileDiff.distinctMethods(ProfileDiff.compare(before, summary));
            if (findings.isEmpty()) {
                log.info("no method, allocation, lock or I/O site changed its share by more than 1 point with "
                        + "|z| > 3 against " + baseline);
            }
            findings.stream().limit(SHOWN).forEach(f -> log.info("root cause candidate: " + f.describe()));
        }
        HealthReport report = threshold == null ? null : health(recording, threshold, log);
        Path out = directory.resolve("profile.json");
        try {
            Files.createDirectories(directory);
            // the summary's fields at the top, as in run.json's profile; the health report beside them
            Map<String, Object> json = RunJson.mapper().convertValue(summary,
                    new TypeReference<TreeMap<String, Object>>() {
                    });
            if (report != null) {
                json.put("health", report);
            }
            RunJson.writeAtomically(out, RunJson.toJson(json));
        } catch (IOException e) {
            throw new PlanningException("cannot write " + out + ": " + e.getMessage(), e);
        }
        log.info("profile summary: " + out);
        ProfileStacks stacks;
        try {
            stacks = ProfileFiles.write(List.of(new ProfileAnalyzer.Window(recording, null, null)), directory,
                    recording.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            throw new PlanningException("cannot write the flame graphs and pprof profiles of " + recording + " to "
                    + directory + ": " + e.getMessage(), e);
        }
        log.info("flame graphs and pprof profiles in " + directory + ": " + String.join(", ", ProfileFiles.NAMES));
        flameDiff(baseline, stacks, recording, directory, log);
    }

    /** The differential flame graph against the baseline; without one, an earlier comparison's is removed. */
    private static void flameDiff(Path baseline, ProfileStacks stacks, Path recording, Path directory, BuildLog log)
            throws PlanningException {
        Path diff = directory.resolve(ProfileFiles.FLAME_DIFF);
        if (baseline == null) {
            try {
                // one from an earlier comparison would pass for this recording's
                Files.deleteIfExists(diff);
            } catch (IOException e) {
                throw new PlanningException("cannot remove the stale " + diff + ": " + e.getMessage(), e);
            }
            return;
        }
        try {
            ProfileStacks base = ProfileStacks.read(List.of(new ProfileAnalyzer.Window(baseline, null, null)));
            ProfileFiles.writeDiff(base, baseline.getFileName().toString(), stacks,
                    recording.getFileName().toString(), directory);
        } catch (IOException | RuntimeException e) {
            throw new PlanningException("cannot write the differential flame graph " + diff + ": " + e.getMessage(),
                    e);
        }
        log.info("differential CPU flame graph against " + baseline + " (red: larger share, blue: smaller): " + diff);
    }

    /** Advisory: a recording JMC cannot read, or a slow analysis, costs the warnings and nothing else. */
    private static HealthReport health(Path recording, HealthReport.Severity threshold, BuildLog log) {
        long start = System.nanoTime();
        HealthReport report;
        try {
            report = HealthCheck.evaluate(List.of(new ProfileAnalyzer.Window(recording, null, null)), threshold,
                    HealthCheck.DEFAULT_TIMEOUT);
        } catch (IOException | RuntimeException | LinkageError e) {
            log.warn("JFR health: JDK Mission Control's analysis was skipped (" + e.getMessage() + "); the profile "
                    + "stands without it");
            return null;
        }
        for (HealthReport.Finding f : report.findings()) {
            String line = "JFR health: " + f.name() + ": " + f.summary();
            if (f.severity() == HealthReport.Severity.WARNING) {
                log.warn(line);
            } else {
                log.info(line);
            }
        }
        report.notes().forEach(n -> log.info("JFR health: " + n));
        log.info(String.format(Locale.ROOT, "JFR health: %d %s at %s or above; %s by JDK Mission Control's rules in "
                + "%.1f s (advisory; -Dperfgate.health=off skips them)", report.findings().size(),
                report.findings().size() == 1 ? "finding" : "findings", threshold, HealthCheck.counts(report),
                (System.nanoTime() - start) / 1e9));
        return report;
    }

    private static HealthReport.Severity healthThreshold(String value) throws ConfigurationException {
        String v = value == null ? "warning" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "warning" -> HealthReport.Severity.WARNING;
            case "info" -> HealthReport.Severity.INFO;
            case "off" -> null;
            default -> throw new ConfigurationException(List.of("perfgate.health is '" + value + "'; use warning "
                    + "(the default), info or off"));
        };
    }

    private static ProfileSummary analyze(Path file, String property)
            throws ConfigurationException, PlanningException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new ConfigurationException(List.of(property + " names no readable file (" + file + "); give a "
                    + "JFR recording: mvn perfgate:profile -Dperfgate.jfr=app.jfr"));
        }
        try {
            return ProfileAnalyzer.analyze(file, null, null);
        } catch (IOException | RuntimeException e) {
            throw new PlanningException(file + " is not a readable JFR recording (" + e.getMessage() + ")", e);
        }
    }
}
