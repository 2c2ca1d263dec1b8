package dev.perfgate.maven;

import dev.perfgate.profile.ProfileAnalyzer;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.run.RunJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyses any JFR recording without sending load — one from perfgate:run, or one taken in production — and, given
 * a second one, lists the methods whose share of the CPU samples changed significantly. Writes profile.json (the
 * summary, the same as run.json's profile) and prints the hottest methods.
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

    @Override
    protected void executeGoal() throws MojoExecutionException {
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
        Path out = outputDirectory.toPath().resolve("profile.json");
        try {
            Files.createDirectories(out.getParent());
            RunJson.writeAtomically(out, RunJson.toJson(summary));
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("perfgate: profile summary: " + out);
        Path flame = outputDirectory.toPath().resolve("flame-cpu.html");
        try {
            dev.perfgate.profile.FlameGraphs.cpu(List.of(new ProfileAnalyzer.Window(jfr.toPath(), null, null)), flame,
                    "CPU samples of " + jfr.getName());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("perfgate: cannot write the flame graph " + flame + ": "
                    + e.getMessage(), e);
        }
        getLog().info("perfgate: CPU flame graph: " + flame);
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
