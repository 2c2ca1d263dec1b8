package dev.perfgate.maven;

import dev.perfgate.goal.PlanningException;
import dev.perfgate.goal.ProfileAnalysis;
import dev.perfgate.util.ConfigurationException;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyses any JFR recording without sending load — one from perfgate:run, or one taken in production — and, given
 * a second one, lists the methods whose share of the CPU samples changed significantly. Writes profile.json (the
 * summary, the same as run.json's profile, and under "health" JDK Mission Control's health warnings), flame graphs
 * and pprof profiles, with a baseline a differential CPU flame graph (flame-diff.html), and prints the hottest
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
        try {
            ProfileAnalysis.run(jfr == null ? null : jfr.toPath(), baselineJfr == null ? null : baselineJfr.toPath(),
                    health, outputDirectory.toPath(), buildLog());
        } catch (ConfigurationException | PlanningException e) {
            throw MavenBuildLog.executionError(e.getMessage(), e);
        }
    }
}
