package dev.perfgate.maven;

import dev.perfgate.goal.AbConfig;
import dev.perfgate.goal.MeasurementConfig;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Validates the configuration and the gates, starts the service, warms it up, runs the trials (each in a fresh
 * service with restartPerTrial) while recording latency (HdrHistogram) and a JFR profile, stops the service, and
 * writes target/perfgate/run.json with one .hlog and one .jfr per trial and service.log. Never fails the build for a
 * missed gate (perfgate:check does, in verify), so post-integration-test teardown still runs; fails for
 * infrastructure errors (the service did not start or crashed, nothing could be sent).
 *
 * <p>With baselineRef (or baselineArtifact, baselineJar, baselineCommand) it runs the baseline version beside the
 * service and alternates their trials pair by pair (docs/ab-mode.md). With {@code inconclusive=extend} it looks at
 * the relative checks once after the planned trials and, when one is inconclusive for want of trials, measures up
 * to maxTrials in one go: two looks, each at α / 2, the extension's size fixed in advance.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class RunMojo extends AbstractMeasureMojo {

    /**
     * Interleaved A/B against the service built from this git ref (a branch, tag or commit, e.g. the pull request's
     * merge base), checked out into target/perfgate/baseline-src and built with Maven; {@code :baseline} means the
     * commit the committed baseline file was recorded at.
     */
    @Parameter(property = "perfgate.baselineRef")
    protected String baselineRef;

    /**
     * Interleaved A/B against a released artifact: groupId:artifactId[:extension[:classifier]]:version, or version
     * previousRelease for the newest release strictly below ${project.version} (SNAPSHOTs never count).
     */
    @Parameter(property = "perfgate.baselineArtifact")
    protected String baselineArtifact;

    /** Interleaved A/B against this jar, run with java -jar and the service's JVM options and arguments. */
    @Parameter(property = "perfgate.baselineJar")
    protected File baselineJar;

    /**
     * Interleaved A/B against the service this command starts, with the service's arguments; it must listen on
     * PERFGATE_PORT.
     */
    @Parameter
    protected List<String> baselineCommand = new ArrayList<>();

    /** Interleaved pairs of trials, one of each version per pair (7 are the fewest that can reach p &lt; 0.01). */
    @Parameter(property = "perfgate.pairs", defaultValue = AbConfig.PAIRS)
    protected int pairs;

    /** The seed of the ABBA order; by default a new one per build, recorded in run.json to repeat it. */
    @Parameter(property = "perfgate.pairSeed")
    protected Long pairSeed;

    @Override
    protected AbConfig abConfig() {
        return new AbConfig(baselineRef, baselineArtifact, baselineJar == null ? null : baselineJar.toPath(),
                baselineCommand, pairs, pairSeed);
    }

    @Override
    protected void executeGoal() throws MojoExecutionException {
        RunResult run = measure(MeasurementConfig.Goal.RUN);
        buildLog().info("measured " + run.overall().stats().count() + " requests in " + run.trials().size()
                + " trial(s); " + outputDirectory.toPath().resolve(RunJson.RUN_FILE));
        run.flags().forEach(f -> buildLog().warn("not a valid measurement: " + f));
    }
}
