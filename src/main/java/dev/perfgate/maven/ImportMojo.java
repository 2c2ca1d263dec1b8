package dev.perfgate.maven;

import dev.perfgate.goal.ImportPlanner;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.run.MeasurementException;
import dev.perfgate.run.ResultImport;
import dev.perfgate.util.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes target/perfgate/run.json from result files a load generator wrote elsewhere (HdrHistogram interval logs from
 * several generator hosts, a JMeter JTL, k6's JSON output, wrk2's latency output, perfgate's Locust samples), one
 * trial per pattern, so that perfgate:check gates them like a measurement: <code>mvn perfgate:import
 * perfgate:check -Dperfgate.importTrials=gen-&#42;/trial-1.hlog,gen-&#42;/trial-2.hlog</code>.
 * Nothing is started and no load is sent.
 */
@Mojo(name = "import", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class ImportMojo extends AbstractPerfgateMojo {

    /**
     * One element per trial: a file, or a pattern matching the files of several generator hosts that are merged
     * into that trial (relative to the project's directory). Give as many trials as the baseline has.
     */
    @Parameter(property = "perfgate.importTrials")
    protected List<String> importTrials = new ArrayList<>();

    /**
     * hlog (.hlog), jtl (JMeter CSV or XML), k6 (.json, .json.gz, .ndjson), wrk (never guessed) or locust-samples;
     * by default told from each file's extension.
     */
    @Parameter(property = "perfgate.importFormat")
    protected String importFormat;

    /** Each trial's measured length, for throughput; by default the time span of the trial's data. */
    @Parameter(property = "perfgate.importDuration")
    protected String importDuration;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Override
    protected void executeGoal() throws MojoExecutionException {
        try {
            RunResult run = ResultImport.run(ImportPlanner.plan(importTrials, importFormat, importDuration,
                    project.getBasedir().toPath(), pluginVersion, outputDirectory.toPath()), buildLog());
            buildLog().info("imported " + run.overall().stats().count() + " requests in " + run.trials().size()
                    + " trial(s); " + outputDirectory.toPath().resolve(RunJson.RUN_FILE));
            run.flags().forEach(f -> buildLog().warn("not a valid measurement: " + f));
        } catch (ConfigurationException | MeasurementException e) {
            throw MavenBuildLog.executionError(e.getMessage(), e);
        }
    }
}
