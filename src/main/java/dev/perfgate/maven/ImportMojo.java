package dev.perfgate.maven;

import dev.perfgate.imports.ResultFormat;
import dev.perfgate.run.MeasurementException;
import dev.perfgate.run.ResultImport;
import dev.perfgate.run.RunResult;
import dev.perfgate.util.Durations;
import dev.perfgate.util.Globs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes target/perfgate/run.json from result files a load generator wrote elsewhere (HdrHistogram interval logs from
 * several generator hosts, a JMeter JTL, k6's JSON output, wrk2's latency output, perfgate's Locust samples), one
 * trial per pattern, so that perfgate:check gates them like a measurement:
 * {@code mvn perfgate:import perfgate:check -Dperfgate.importTrials=gen-*}{@code /trial-1.hlog,gen-*}{@code /trial-2.hlog}.
 * Nothing is started and no load is sent.
 */
@Mojo(name = "import", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class ImportMojo extends AbstractPerfgateMojo {

    /**
     * One element per trial: a file, or a pattern matching the files of several generator hosts that are merged
     * into that trial (relative to the project's directory). Relative gates compare one value per trial, so give
     * as many trials as the baseline has.
     */
    @Parameter(property = "perfgate.importTrials")
    protected List<String> importTrials = new ArrayList<>();

    /** hlog, jtl, k6, wrk or locust-samples; by default told from each file's extension. */
    @Parameter(property = "perfgate.importFormat")
    protected String importFormat;

    /** Each trial's measured length, for throughput; by default the time span of the trial's data. */
    @Parameter(property = "perfgate.importDuration")
    protected String importDuration;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Override
    protected void executeGoal() throws MojoExecutionException {
        List<String> problems = new ArrayList<>();
        ResultFormat format = null;
        if (importFormat != null && !importFormat.isBlank()) {
            format = ResultFormat.parse(importFormat).orElse(null);
            if (format == null) {
                problems.add("<importFormat> '" + importFormat + "' is not one of " + ResultFormat.ids());
            }
        }
        Duration duration = importDuration == null || importDuration.isBlank() ? null
                : Durations.parseOrCollect("<importDuration>", importDuration, problems);
        if (importTrials == null || importTrials.isEmpty()) {
            problems.add("<importTrials> is empty: give one file or pattern per trial, e.g. "
                    + "-Dperfgate.importTrials=gen-*/trial-1.hlog,gen-*/trial-2.hlog");
        }
        List<List<Path>> trials = new ArrayList<>();
        Path base = project.getBasedir().toPath();
        for (String pattern : importTrials == null ? List.<String>of() : importTrials) {
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
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        try {
            RunResult run = ResultImport.run(new ResultImport.Plan(trials, format, duration, pluginVersion,
                    project.getBasedir(), outputDirectory.toPath()), runLog());
            getLog().info("perfgate: imported " + run.overall().stats().count() + " requests in "
                    + run.trials().size() + " trial(s); " + outputDirectory.toPath().resolve("run.json"));
            run.flags().forEach(f -> getLog().warn("perfgate: not a valid measurement: " + f));
        } catch (MeasurementException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
