package dev.perfgate.maven;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perfgate.profile.HealthCheck;
import dev.perfgate.profile.HealthReport;
import dev.perfgate.profile.ProfileAnalyzer;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.profile.ProfileStacks;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.run.RunJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyses any JFR recording without sending load — one from perfgate:run, or one taken in production — and, given
 * a second one, lists the methods whose share of the CPU samples changed significantly. Writes profile.json (the
 * summary, the same as run.json's profile, and under "health" JDK Mission Control's health warnings), flame graphs
 * and pprof profiles ({@link ProfileFiles}), with a baseline a differential CPU flame graph, and prints the hottest
 * methods and the warnings.
 *
 * <pre>mvn perfgate:profile -Dperfgate.jfr=app.jfr [-Dperfgate.baselineJfr=before.jfr]</pre>
 */
@Mojo(name = "profile", requiresProject = false, threadSafe = true)
public class ProfileMojo extends AbstractPerfgateMojo {

    /** The recording to analyse. */
    @Parameter(property = "perfgate.jfr", required = true)
    private File jfr;

    /** A recording to compare it with: root-cause candidates are the methods that got hotter or cooler. */
    @Parameter(property = "perfgate.baselineJfr")
    private File baselineJfr;

    /**
     * JDK Mission Control's automated analysis of the recording, as advisory health warnings: {@code warning}
     * lists the rules at WARNING, {@code info} those at INFO too, {@code off} skips the analysis.
     */
    @Parameter(property = "perfgate.health", defaultValue = "warning")
    private String health;

    @Override
    protected void executeGoal() throws MojoExecutionException {
        HealthReport.Severity threshold = healthThreshold(health);
        ProfileSummary summary = analyze(jfr, "perfgate.jfr");
        ProfileSummary before = baselineJfr == null ? null : analyze(baselineJfr, "perfgate.baselineJfr");
        getLog().info(String.format(Locale.ROOT, "perfgate: %s: %d CPU samples in Java code, %d in native code",
                jfr, summary.javaSamples(), summary.nativeSamples()));
        for (ProfileSummary.Count c : summary.selfTop().stream().limit(10).toList()) {
            getLog().info(String.format(Locale.ROOT, "  %5.1f %%  %6d  %s", 100.0 * c.value()
                    / Math.max(1, summary.javaSamples()), c.value(), c.name()));
        }
        summary.warnings().forEach(w -> getLog().warn("perfgate: " + w));
        if (summary.bottleneck() != null) {
            getLog().info("perfgate: " + summary.bottleneck().verdict() + ": " + summary.bottleneck().reason());
        }
        if (before != null) {
            List<ProfileDiff.Finding> findings = ProfileDiff.distinctMethods(ProfileDiff.compare(before, summary));
            if (findings.isEmpty()) {
                getLog().info("perfgate: no method, allocation, lock or I/O site changed its share by more than 1 "
                        + "point with |z| > 3 against " + baselineJfr);
            }
            findings.stream().limit(10).forEach(f -> getLog().info("perfgate: root cause candidate: "
                    + f.describe()));
        }
        HealthReport report = threshold == null ? null : health(threshold);
        Path out = outputDirectory.toPath().resolve("profile.json");
        try {
            Files.createDirectories(out.getParent());
            // the summary's fields at the top, as in run.json's profile; the health report beside them
            Map<String, Object> json = RunJson.mapper().convertValue(summary,
                    new TypeReference<TreeMap<String, Object>>() {
                    });
            if (report != null) {
                json.put("health", report);
            }
            RunJson.writeAtomically(out, RunJson.toJson(json));
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("perfgate: profile summary: " + out);
        Path dir = outputDirectory.toPath();
        ProfileStacks stacks;
        try {
            stacks = ProfileFiles.write(List.of(new ProfileAnalyzer.Window(jfr.toPath(), null, null)), dir,
                    jfr.getName());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("perfgate: cannot write the flame graphs and pprof profiles of " + jfr
                    + " to " + dir + ": " + e.getMessage(), e);
        }
        getLog().info("perfgate: flame graphs and pprof profiles in " + dir + ": "
                + String.join(", ", ProfileFiles.NAMES));
        if (baselineJfr != null) {
            Path diff = dir.resolve(ProfileFiles.FLAME_DIFF);
            try {
                ProfileStacks base = ProfileStacks.read(List.of(new ProfileAnalyzer.Window(baselineJfr.toPath(), null,
                        null)));
                ProfileFiles.writeDiff(base, baselineJfr.getName(), stacks, jfr.getName(), dir);
            } catch (IOException | RuntimeException e) {
                throw new MojoExecutionException("perfgate: cannot write the differential flame graph " + diff + ": "
                        + e.getMessage(), e);
            }
            getLog().info("perfgate: differential CPU flame graph against " + baselineJfr + " (red: larger share, "
                    + "blue: smaller): " + diff);
        } else {
            try {
                // one from an earlier comparison would pass for this recording's
                Files.deleteIfExists(dir.resolve(ProfileFiles.FLAME_DIFF));
            } catch (IOException e) {
                throw new MojoExecutionException("perfgate: cannot remove the stale " + dir.resolve(
                        ProfileFiles.FLAME_DIFF) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Advisory: a recording JMC cannot read, or a slow analysis, costs the warnings and nothing else. */
    private HealthReport health(HealthReport.Severity threshold) {
        long start = System.nanoTime();
        HealthReport report;
        try {
            report = HealthCheck.evaluate(List.of(new ProfileAnalyzer.Window(jfr.toPath(), null, null)), threshold,
                    HealthCheck.DEFAULT_TIMEOUT);
        } catch (IOException | RuntimeException | LinkageError e) {
            getLog().warn("perfgate: JFR health: JDK Mission Control's analysis was skipped (" + e.getMessage()
                    + "); the profile stands without it");
            return null;
        }
        for (HealthReport.Finding f : report.findings()) {
            String line = "perfgate: JFR health: " + f.name() + ": " + f.summary();
            if (f.severity() == HealthReport.Severity.WARNING) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        report.notes().forEach(n -> getLog().info("perfgate: JFR health: " + n));
        getLog().info(String.format(Locale.ROOT, "perfgate: JFR health: %d %s at %s or above; %s by JDK Mission "
                + "Control's rules in %.1f s (advisory; -Dperfgate.health=off skips them)", report.findings().size(),
                report.findings().size() == 1 ? "finding" : "findings", threshold, HealthCheck.counts(report),
                (System.nanoTime() - start) / 1e9));
        return report;
    }

    private static HealthReport.Severity healthThreshold(String value) throws MojoExecutionException {
        String v = value == null ? "warning" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "warning" -> HealthReport.Severity.WARNING;
            case "info" -> HealthReport.Severity.INFO;
            case "off" -> null;
            default -> throw new MojoExecutionException("perfgate: perfgate.health is '" + value
                    + "'; use warning (the default), info or off");
        };
    }

    private static ProfileSummary analyze(File file, String property) throws MojoExecutionException {
        if (file == null || !file.isFile()) {
            throw new MojoExecutionException("perfgate: " + property + " names no readable file (" + file
                    + "); give a JFR recording: mvn perfgate:profile -Dperfgate.jfr=app.jfr");
        }
        try {
            return ProfileAnalyzer.analyze(file.toPath(), null, null);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("perfgate: " + file + " is not a readable JFR recording ("
                    + e.getMessage() + ")", e);
        }
    }
}
