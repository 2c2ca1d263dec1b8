package dev.perfgate.maven;

import dev.perfgate.run.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Starts the service, warms it up, runs the trials while recording latency (HdrHistogram) and a JFR profile,
 * stops the service, and writes target/perfgate/run.json with one .hlog and one .jfr per trial. Never fails the
 * build for a missed gate (perfgate:check does, in verify), so post-integration-test teardown still runs; fails
 * for infrastructure errors (the service did not start or crashed, nothing could be sent).
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RunMojo extends AbstractMeasureMojo {

    @Override
    protected void executeGoal() throws MojoExecutionException {
        RunResult run = measure();
        getLog().info("perfgate: measured " + run.overall().stats().count() + " requests in " + run.trials().size()
                + " trial(s); " + outputDirectory.toPath().resolve("run.json"));
        run.flags().forEach(f -> getLog().warn("perfgate: not a valid measurement: " + f));
    }
}
