package dev.perfgate.maven;

import dev.perfgate.gate.Category;
import dev.perfgate.goal.AbConfig;
import dev.perfgate.goal.JfrConfig;
import dev.perfgate.goal.LoadConfig;
import dev.perfgate.goal.MeasurementConfig;
import dev.perfgate.goal.MeasurementPlanner;
import dev.perfgate.goal.PlanningException;
import dev.perfgate.goal.ShapeConfig;
import dev.perfgate.load.RequestDraft;
import dev.perfgate.result.RunResult;
import dev.perfgate.run.Measurement;
import dev.perfgate.run.MeasurementException;
import dev.perfgate.util.ConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The parameters of a measurement, shared by perfgate:run and perfgate:baseline so that a baseline is always measured
 * exactly as the runs it is compared with. The Mojo maps them onto a {@link MeasurementConfig}; the core validates
 * every one before the service starts (see docs/configuration.md).
 */
abstract class AbstractMeasureMojo extends AbstractPerfgateMojo {

    /** The service to start (exactly one of command, jar, mainClass); without it the load goes to baseUrl. */
    @Parameter
    protected ServiceParameter service;

    /** Where requests go. Default with a service: <code>http://127.0.0.1:$${perfgate.port}</code>. */
    @Parameter(property = "perfgate.baseUrl")
    protected String baseUrl;

    /** The request mix of the embedded load engine: a list of request elements (docs/configuration.md#request). */
    @Parameter
    protected List<RequestParameter> requests = new ArrayList<>();

    /** The request mix in a JSON file instead of requests (docs/load-tools.md#scenario-file). */
    @Parameter(property = "perfgate.scenarioFile")
    protected File scenarioFile;

    /** CSV file (RFC 4180, with a header row) whose rows fill #{column} placeholders, a row per request in turn. */
    @Parameter(property = "perfgate.feeder")
    protected File feeder;

    /** A locustfile (.py), k6 script (.js) or JMeter plan (.jmx) run once per trial instead of requests. */
    @Parameter(property = "perfgate.script")
    protected File script;

    /** locust, k6 or jmeter, when the script's extension does not say. */
    @Parameter(property = "perfgate.scriptTool")
    protected String scriptTool;

    /** The tool's executable and leading arguments instead of its default, e.g. python3 -m locust. */
    @Parameter
    protected List<String> scriptCommand = new ArrayList<>();

    /** Extra arguments appended to the tool's command line. */
    @Parameter
    protected List<String> scriptArgs = new ArrayList<>();

    /**
     * Handed to the script: Locust and k6 environment variables, JMeter properties (read with ${__P(name)}); values
     * of keys that look secret are masked in the log and run.json.
     */
    @Parameter
    protected Map<String, String> scriptProperties = new LinkedHashMap<>();

    /** Distributed Locust: this many local workers under a master; 0 runs Locust as one process. */
    @Parameter(property = "perfgate.scriptWorkers", defaultValue = "0")
    protected int scriptWorkers;

    /** The JMeter version whose jars run a .jmx plan, resolved from the project's repositories. */
    @Parameter(property = "perfgate.jmeterVersion", defaultValue = JMeterArtifacts.DEFAULT_VERSION)
    protected String jmeterVersion;

    /** Further jars for a JMeter plan (plugins, JDBC drivers): groupId:artifactId:version, with dependencies. */
    @Parameter
    protected List<String> jmeterArtifacts = new ArrayList<>();

    /**
     * A Java scenario instead of HTTP requests: a Callable or Runnable on the test classpath, one call per
     * operation, in a forked JVM perfgate profiles like a service; gates name it by its simple class name.
     */
    @Parameter(property = "perfgate.scenario")
    protected String scenario;

    /** JVM options of the scenario's forked JVM, e.g. -Xmx512m. */
    @Parameter
    protected List<String> scenarioJvmArgs = new ArrayList<>();

    /**
     * Any other generator: a command run once per trial (exit code 0 only is a completed run) whose result file is
     * imported; <code>$${perfgate.baseUrl}</code>, <code>$${perfgate.duration}</code>, <code>$${perfgate.users}</code>,
     * <code>$${perfgate.rate}</code>, <code>$${perfgate.trial}</code> and <code>$${perfgate.resultsDir}</code> are
     * filled in.
     */
    @Parameter
    protected List<String> loadCommand = new ArrayList<>();

    /** What loadCommand writes, required with it: hlog, wrk (wrk2 --latency output) or k6 (--out json). */
    @Parameter(property = "perfgate.loadFormat")
    protected String loadFormat;

    /** The file loadCommand writes, relative to its trial directory or absolute; a pattern merges several. */
    @Parameter(property = "perfgate.loadResultFile")
    protected String loadResultFile;

    /** The request name for results that carry none (wrk2's, untagged interval logs); default wrk or all. */
    @Parameter(property = "perfgate.loadRequestName")
    protected String loadRequestName;

    /** The unit of an interval log's values: microseconds (perfgate's, the default), nanoseconds or milliseconds. */
    @Parameter(property = "perfgate.loadHlogUnit")
    protected String loadHlogUnit;

    /** open (constant arrival rate, coordinated-omission corrected) or closed (fixed concurrency: service time). */
    @Parameter(property = "perfgate.model", defaultValue = ShapeConfig.MODEL)
    protected String model;

    /** Requests per second of the open model. */
    @Parameter(property = "perfgate.rate", defaultValue = ShapeConfig.RATE)
    protected double rate;

    /** Linear ramp from 0 to the rate at the start of each trial (part of the trial's duration). */
    @Parameter(property = "perfgate.rampUp", defaultValue = ShapeConfig.RAMP_UP)
    protected String rampUp;

    /** Length of one measured trial. */
    @Parameter(property = "perfgate.duration", defaultValue = ShapeConfig.DURATION)
    protected String duration;

    /** Unmeasured load after each start of the service: JIT compilation, caches, connection pools. */
    @Parameter(property = "perfgate.warmup", defaultValue = ShapeConfig.WARMUP)
    protected String warmup;

    /** Measured trials; relative gates compare one value per trial. */
    @Parameter(property = "perfgate.trials", defaultValue = ShapeConfig.TRIALS)
    protected int trials;

    /**
     * The most trials inconclusive=extend may bring perfgate:run to, fixed in advance (at least trials);
     * perfgate:baseline measures this many. Default: trials.
     */
    @Parameter(property = "perfgate.maxTrials")
    protected Integer maxTrials;

    /**
     * A fresh service, with its own warm-up, for every trial: trials become independent replications (own JIT, GC
     * and heap layout). Needs a service; a baseline recorded with the other setting cannot be compared.
     */
    @Parameter(property = "perfgate.restartPerTrial", defaultValue = "false")
    protected boolean restartPerTrial;

    /** Keep-alive connections (the concurrency of the closed model, the users or threads of a script). */
    @Parameter(property = "perfgate.connections", defaultValue = ShapeConfig.CONNECTIONS)
    protected int connections;

    /** A request without an answer after this long is a timeout error. */
    @Parameter(property = "perfgate.requestTimeout", defaultValue = ShapeConfig.REQUEST_TIMEOUT)
    protected String requestTimeout;

    /** A trial whose engine sent more than 10 % of requests later than this is flagged: the generator lagged. */
    @Parameter(property = "perfgate.maxSendLag", defaultValue = ShapeConfig.MAX_SEND_LAG)
    protected String maxSendLag;

    /** Record a JFR profile of the service (a JVM perfgate starts, or the one named by jfrAttachPid / jfrJmxUrl). */
    @Parameter(property = "perfgate.jfr", defaultValue = "true")
    protected boolean jfr;

    /** JFR settings: profile, default, or a .jfc file. */
    @Parameter(property = "perfgate.jfrSettings", defaultValue = JfrConfig.SETTINGS)
    protected String jfrSettings;

    /**
     * JFR event settings over those of jfrSettings, each event#setting=value, e.g. jdk.JavaMonitorEnter#threshold=1 ms;
     * part of the run's identity (a baseline with other settings is not compared profile for profile).
     */
    @Parameter(property = "perfgate.jfrEventSettings")
    protected List<String> jfrEventSettings = new ArrayList<>();

    /** Record JFR in a JVM perfgate did not start, by its process id (same user, a JDK); not with service. */
    @Parameter(property = "perfgate.jfrAttachPid")
    protected Long jfrAttachPid;

    /** Record JFR in a JVM perfgate did not start, at this JMX service URL; not with jfrAttachPid or service. */
    @Parameter(property = "perfgate.jfrJmxUrl")
    protected String jfrJmxUrl;

    /** The JMX user for jfrJmxUrl, together with jfrJmxPassword. */
    @Parameter(property = "perfgate.jfrJmxUsername")
    protected String jfrJmxUsername;

    /** The JMX password for jfrJmxUrl: never logged nor written; prefer <code>${env.SOME_VARIABLE}</code>. */
    @Parameter(property = "perfgate.jfrJmxPassword")
    protected String jfrJmxPassword;

    /** Header names whose values are secrets besides Authorization, Cookie and the like (docs/secrets.md). */
    @Parameter
    protected List<String> secretHeaders = new ArrayList<>();

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Component
    protected RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    protected RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    protected List<RemoteRepository> remoteRepositories;

    /** The baseline version to measure beside the service; none for perfgate:baseline. */
    protected AbConfig abConfig() {
        return AbConfig.NONE;
    }

    /** The pom's measurement in the core's terms. */
    protected MeasurementConfig config(MeasurementConfig.Goal goal) {
        List<RequestDraft> drafts = new ArrayList<>();
        if (requests != null) {
            requests.forEach(r -> drafts.add(r.toDraft()));
        }
        LoadConfig load = new LoadConfig(drafts, path(scenarioFile), path(feeder), path(script), scriptTool,
                scriptCommand, scriptArgs, scriptProperties, scriptWorkers, jmeterVersion, jmeterArtifacts, scenario,
                scenarioJvmArgs, loadCommand, loadFormat, loadResultFile, loadRequestName, loadHlogUnit);
        ShapeConfig shape = new ShapeConfig(model, rate, rampUp, duration, warmup, trials, maxTrials, restartPerTrial,
                connections, requestTimeout, maxSendLag);
        JfrConfig jfrConfig = new JfrConfig(jfr, jfrSettings, jfrEventSettings, jfrAttachPid, jfrJmxUrl,
                jfrJmxUsername, jfrJmxPassword);
        return new MeasurementConfig(goal, service == null ? null : service.toConfig(), baseUrl, load, shape,
                jfrConfig, abConfig(), gateSpecs(), decisionSpec(), secretHeaders, outputDirectory.toPath(),
                baselineFile.toPath(), project.getBasedir().toPath(), project.getVersion(), pluginVersion);
    }

    /**
     * Plans (every configuration problem at once, before any load) and measures; a goal that stops before a
     * verdict says why in result.json, so CI never reads an older build's.
     */
    protected RunResult measure(MeasurementConfig.Goal goal) throws MojoExecutionException {
        try {
            return new Measurement(MeasurementPlanner.plan(config(goal), new MavenBuildContext(project, session,
                    repositorySystem, repositorySession, remoteRepositories, outputDirectory, getLog())).plan(),
                    buildLog()).run();
        } catch (ConfigurationException e) {
            if (e.problems().size() > 1) {
                e.problems().forEach(p -> buildLog().error(p));
            }
            throw stopped(goal, e.getMessage(), e);
        } catch (PlanningException | MeasurementException e) {
            throw stopped(goal, e.getMessage(), e);
        }
    }

    private MojoExecutionException stopped(MeasurementConfig.Goal goal, String message, Exception cause) {
        if (goal == MeasurementConfig.Goal.RUN) {
            // perfgate:check will not run after this: result.json must say why there is no verdict
            recordNoVerdict(Category.INFRASTRUCTURE, message, outputDirectory.toPath());
        }
        return MavenBuildLog.executionError(message, cause);
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
