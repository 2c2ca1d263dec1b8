package dev.perfgate.maven;

import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadDefinitionBuilder;
import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.load.ProfileDraft;
import dev.perfgate.load.RequestDraft;
import dev.perfgate.load.ScenarioFile;
import dev.perfgate.load.tool.CommandSettings;
import dev.perfgate.load.tool.CommandTool;
import dev.perfgate.load.tool.JMeterTool;
import dev.perfgate.load.tool.LoadTool;
import dev.perfgate.load.tool.LoadTools;
import dev.perfgate.load.tool.ScriptSettings;
import dev.perfgate.load.tool.ToolEngine;
import dev.perfgate.run.AbPlan;
import dev.perfgate.run.Measurement;
import dev.perfgate.scenario.ScenarioEngine;
import dev.perfgate.scenario.ScenarioSpec;
import dev.perfgate.run.MeasurementException;
import dev.perfgate.run.MeasurementPlan;
import dev.perfgate.run.RunResult;
import dev.perfgate.run.TrialExtension;
import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.JmxTarget;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.Durations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Parameters of a measurement, shared by perfgate:run and perfgate:baseline so that a baseline is always
 * measured exactly as the runs it is compared with. Everything is validated before the service starts.
 */
abstract class AbstractMeasureMojo extends AbstractPerfgateMojo {

    /** The service to start; without it, the load goes to {@code baseUrl}, which must already be up. */
    @Parameter
    protected ServiceParameter service;

    /** Where requests go. Default with a service: http://127.0.0.1:${perfgate.port}. */
    @Parameter(property = "perfgate.baseUrl")
    protected String baseUrl;

    /** The request mix of the embedded load engine. */
    @Parameter
    protected List<RequestParameter> requests = new ArrayList<>();

    /** The request mix in a JSON file instead of the pom (see the README); not together with requests. */
    @Parameter(property = "perfgate.scenarioFile")
    protected File scenarioFile;

    /**
     * A load script to run instead of the embedded engine's requests: a locustfile (.py, Locust), a k6 script (.js)
     * or a JMeter plan (.jmx). The tool runs once per trial; its results are imported by request name.
     */
    @Parameter(property = "perfgate.script")
    protected File script;

    /** locust, k6 or jmeter, when the script's extension does not say. */
    @Parameter(property = "perfgate.scriptTool")
    protected String scriptTool;

    /** The tool's executable (and leading arguments) instead of the default, e.g. /opt/k6/k6 or python3 -m locust. */
    @Parameter
    protected List<String> scriptCommand = new ArrayList<>();

    /** Extra arguments appended to the tool's command line. */
    @Parameter
    protected List<String> scriptArgs = new ArrayList<>();

    /** Handed to the script: JMeter -J properties, k6 -e variables, Locust environment variables. */
    @Parameter
    protected Map<String, String> scriptProperties = new LinkedHashMap<>();

    /** Distributed Locust: this many local worker processes under a master; 0 runs Locust as one process. */
    @Parameter(property = "perfgate.scriptWorkers", defaultValue = "0")
    protected int scriptWorkers;

    /**
     * A Java scenario instead of HTTP requests: a class on the project's test classpath implementing
     * java.util.concurrent.Callable or Runnable, one call per operation, run in a forked JVM that perfgate profiles
     * like a service. Threads: connections; operations per second: rate. Gates name it by its simple class name.
     */
    @Parameter(property = "perfgate.scenario")
    protected String scenario;

    /** JVM options of the scenario's forked JVM, e.g. -Xmx512m. */
    @Parameter
    protected List<String> scenarioJvmArgs = new ArrayList<>();

    /**
     * Any other load generator: a command run once per trial, whose result file is imported ({@code loadFormat}).
     * {@code $${perfgate.baseUrl}}, {@code $${perfgate.duration}}, {@code $${perfgate.resultsDir}}... in its arguments
     * are filled in.
     */
    @Parameter
    protected List<String> loadCommand = new ArrayList<>();

    /** What loadCommand writes: hlog, wrk (wrk2 --latency output) or k6 (k6's --out json). */
    @Parameter(property = "perfgate.loadFormat")
    protected String loadFormat;

    /**
     * The file loadCommand writes, relative to its trial directory or absolute; a pattern merges several files. For
     * wrk, empty means the command's own output.
     */
    @Parameter(property = "perfgate.loadResultFile")
    protected String loadResultFile;

    /** The request name for results that carry none (wrk2's, untagged interval logs). */
    @Parameter(property = "perfgate.loadRequestName")
    protected String loadRequestName;

    /** The unit of the values in an interval log: microseconds (perfgate's), nanoseconds or milliseconds. */
    @Parameter(property = "perfgate.loadHlogUnit")
    protected String loadHlogUnit;

    // JMeter's jars, resolved through Maven's resolver only when a .jmx plan is run
    /** The JMeter version whose jars run a .jmx plan (org.apache.jmeter:ApacheJMeter_core and friends). */
    @Parameter(property = "perfgate.jmeterVersion", defaultValue = JMeterArtifacts.DEFAULT_VERSION)
    protected String jmeterVersion;

    /** Further jars for a JMeter plan (plugins, JDBC drivers): groupId:artifactId:version, with their dependencies. */
    @Parameter
    protected List<String> jmeterArtifacts = new ArrayList<>();

    @Component
    protected RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    protected RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    protected List<RemoteRepository> remoteRepositories;

    /** CSV file (with a header row) whose rows fill #{column} placeholders, one row per request in turn. */
    @Parameter(property = "perfgate.feeder")
    protected File feeder;

    /** open (constant arrival rate, coordinated-omission corrected) or closed (fixed concurrency). */
    @Parameter(property = "perfgate.model", defaultValue = "open")
    protected String model;

    /** Requests per second of the open model. */
    @Parameter(property = "perfgate.rate", defaultValue = "100")
    protected double rate;

    /** Linear ramp from 0 to the rate at the start of each trial (part of the trial's duration). */
    @Parameter(property = "perfgate.rampUp", defaultValue = "0s")
    protected String rampUp;

    /** Length of one measured trial. */
    @Parameter(property = "perfgate.duration", defaultValue = "10s")
    protected String duration;

    /**
     * Unmeasured load after each start of the service (before the first trial, or before every trial with
     * restartPerTrial): JIT compilation, caches, connection pools.
     */
    @Parameter(property = "perfgate.warmup", defaultValue = "5s")
    protected String warmup;

    /** Number of measured trials; relative gates compare one value per trial. */
    @Parameter(property = "perfgate.trials", defaultValue = "5")
    protected int trials;

    /**
     * The most trials perfgate:run may extend to with inconclusive=extend, fixed in advance; perfgate:baseline
     * measures this many. Default: trials, i.e. no extension.
     */
    @Parameter(property = "perfgate.maxTrials")
    protected Integer maxTrials;

    /**
     * Start a fresh service, with its own warm-up, for every trial: trials become independent replications whose
     * spread includes JVM-to-JVM variation, at the cost of one start-up and warm-up per trial. Needs a service.
     */
    @Parameter(property = "perfgate.restartPerTrial", defaultValue = "false")
    protected boolean restartPerTrial;

    /** Keep-alive connections (the concurrency of the closed model). */
    @Parameter(property = "perfgate.connections", defaultValue = "16")
    protected int connections;

    /** A request without an answer after this long is a timeout error. */
    @Parameter(property = "perfgate.requestTimeout", defaultValue = "10s")
    protected String requestTimeout;

    /** Largest p90 of the engine's own send lag before a trial is flagged as a broken measurement. */
    @Parameter(property = "perfgate.maxSendLag", defaultValue = "10ms")
    protected String maxSendLag;

    /** Record a JFR profile of the service (JVM services started by perfgate). */
    @Parameter(property = "perfgate.jfr", defaultValue = "true")
    protected boolean jfr;

    /** JFR settings: profile, default, or a .jfc file. */
    @Parameter(property = "perfgate.jfrSettings", defaultValue = "profile")
    protected String jfrSettings;

    /**
     * JFR event settings over those of jfrSettings, each {@code <event>#<setting>=<value>}, e.g.
     * {@code jdk.JavaMonitorEnter#threshold=1 ms} (record shorter lock waits) or
     * {@code jdk.GCPhaseParallel#enabled=false} (about halves the file under G1). Part of the run's identity.
     */
    @Parameter(property = "perfgate.jfrEventSettings")
    protected List<String> jfrEventSettings = new ArrayList<>();

    /**
     * Record JFR in a JVM perfgate did not start (no {@code <service>}; the load goes to baseUrl), found by its
     * process id on this machine: perfgate attaches as the same user (Attach API), starts a recording before the
     * warm-up, copies each trial out of it and stops it at the end. Not with jfrJmxUrl or {@code <service>}.
     */
    @Parameter(property = "perfgate.jfrAttachPid")
    protected Long jfrAttachPid;

    /**
     * Record JFR in a JVM perfgate did not start, reached at this JMX service URL, e.g.
     * service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi. Not with jfrAttachPid or {@code <service>}.
     */
    @Parameter(property = "perfgate.jfrJmxUrl")
    protected String jfrJmxUrl;

    /** The JMX user for jfrJmxUrl, when its agent authenticates. */
    @Parameter(property = "perfgate.jfrJmxUsername")
    protected String jfrJmxUsername;

    /**
     * The JMX password for jfrJmxUrl; never logged by perfgate nor stored in run.json. Prefer
     * {@code ${env.SOME_VARIABLE}} to a literal in the pom.
     */
    @Parameter(property = "perfgate.jfrJmxPassword")
    protected String jfrJmxPassword;

    /** Header names whose values are secrets, besides Authorization, Cookie and the like; never logged. */
    @Parameter
    protected List<String> secretHeaders = new ArrayList<>();

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    /**
     * The baseline version to measure beside the service, pair by pair (perfgate:run with baselineRef and friends), or
     * null to measure the service alone. Called after the configuration is validated, before any load.
     */
    protected AbPlan interleaved(ServiceSpec service) throws MojoExecutionException {
        return null;
    }

    /** The trials to measure before any extension. */
    protected int trialsToPlan() {
        return trials;
    }

    /** The cap on trials: maxTrials, or the planned trials when it is not set. */
    protected int trialCap() {
        return Math.max(trialsToPlan(), maxTrials == null ? trials : maxTrials);
    }

    /** Validates the whole configuration, then measures exactly the planned trials. */
    protected RunResult measure() throws MojoExecutionException {
        return measure(null);
    }

    /**
     * Validates the whole configuration, then measures; MojoExecutionException for configuration and
     * infrastructure errors.
     *
     * @param extension asked for more trials after the planned ones (up to maxTrials), or null for none; run.json
     *                  records maxTrials only when an extension was possible, because a check then tests each of
     *                  the two looks at alpha / 2
     */
    protected RunResult measure(TrialExtension extension) throws MojoExecutionException {
        LoadDefinition load = loadDefinition();
        // a script names its requests itself: perfgate:check checks the gates' names against what it measured
        parseGates(isScenario() ? Set.of(ScenarioSpec.requestName(scenario.trim()))
                : load.isExternal() ? null : requestNames(load));
        LoadTool tool = load.isExternal() && !isScenario() ? loadTool(load) : null;
        if (tool != null) {
            // the tool's model, not the pom's <model>: a locustfile's users are a closed model whatever the pom says
            load = LoadDefinition.external(load.external(), load.profile().withModel(tool.model()));
        }
        missingBaselineState();
        JfrAttach attach = jfrAttach();
        ServiceSpec spec = isScenario() ? scenarioService() : serviceSpec();
        String url = baseUrl;
        if (url == null || url.isBlank()) {
            if (spec == null) {
                throw new MojoExecutionException("perfgate: neither <service> nor <baseUrl> is configured; "
                        + "configure the service to start, or the URL of one that is already running");
            }
            url = "http://127.0.0.1:${perfgate.port}";
        }
        if (tool == null && !url.startsWith("http://")) {
            throw new MojoExecutionException("perfgate: baseUrl '" + url + "' is not a plain http:// URL; the "
                    + "embedded load engine speaks HTTP/1.1 without TLS");
        }
        if (maxTrials != null && maxTrials < trials) {
            // checked here too: without an extension the plan is given the planned trials as its cap
            throw new MojoExecutionException("perfgate: maxTrials (" + maxTrials + ") is less than trials (" + trials
                    + "); set maxTrials to at least " + trials + ", or leave it out to run exactly the trials");
        }
        int engineThreads = 1;
        MeasurementPlan plan;
        try {
            Path out = outputDirectory.toPath();
            plan = new MeasurementPlan(spec, url, load, isScenario()
                    ? () -> new ScenarioEngine(ScenarioSpec.requestName(scenario.trim()))
                    : tool != null ? () -> new ToolEngine(tool, out) : () -> new NettyLoadEngine(engineThreads),
                    outputDirectory.toPath(), new HashSet<>(secretHeaders), pluginVersion, project.getBasedir(),
                    restartPerTrial, extension == null ? trialsToPlan() : trialCap(), extension).withJfrAttach(attach)
                    .withAb(interleaved(spec));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
        try {
            return new Measurement(plan, runLog()).run();
        } catch (MeasurementException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * The JVM to record JFR in when perfgate does not start the service, or null. Checked here, before any load:
     * whether it runs and lets us in is checked when the recording starts, still before the warm-up.
     */
    JfrAttach jfrAttach() throws MojoExecutionException {
        boolean byPid = jfrAttachPid != null;
        boolean byUrl = jfrJmxUrl != null && !jfrJmxUrl.isBlank();
        boolean credentials = jfrJmxUsername != null && !jfrJmxUsername.isEmpty()
                || jfrJmxPassword != null && !jfrJmxPassword.isEmpty();
        if (!byUrl && credentials) {
            throw new MojoExecutionException("perfgate: jfrJmxUsername / jfrJmxPassword are set, but jfrJmxUrl is "
                    + "not; they are the credentials of the JMX agent at jfrJmxUrl (attaching by pid needs none)");
        }
        if (!byPid && !byUrl) {
            return null;
        }
        if (byPid && byUrl) {
            throw new MojoExecutionException("perfgate: both jfrAttachPid (" + jfrAttachPid + ") and jfrJmxUrl ("
                    + jfrJmxUrl.trim() + ") are set; keep one: the pid for a JVM on this machine, the URL for one "
                    + "reached over JMX");
        }
        if (service != null) {
            throw new MojoExecutionException("perfgate: " + (byPid ? "jfrAttachPid" : "jfrJmxUrl") + " names a JVM "
                    + "perfgate did not start, but <service> is configured and perfgate records the service it "
                    + "starts itself; remove " + (byPid ? "jfrAttachPid" : "jfrJmxUrl") + ", or remove <service> to "
                    + "profile a JVM started elsewhere");
        }
        JmxTarget target;
        try {
            target = byPid ? new JmxTarget.Pid(jfrAttachPid)
                    : new JmxTarget.Url(jfrJmxUrl, jfrJmxUsername, jfrJmxPassword);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage());
        }
        if (!jfr) {
            getLog().info("perfgate: jfr is false: not recording JFR in " + target.describe());
            return null;
        }
        if (jfrEventSettings != null && !jfrEventSettings.isEmpty()) {
            throw new MojoExecutionException("perfgate: jfrEventSettings apply to services perfgate starts; for "
                    + target.describe() + " write them into a .jfc file (jfr configure --input profile "
                    + String.join(" ", jfrEventSettings.stream().map(e -> "'" + e + "'").toList())
                    + " --output perfgate.jfc) and give that file as jfrSettings");
        }
        JfrAttach attach = new JfrAttach(target, jfrSettings);
        if (attach.settings().endsWith(".jfc") && !Files.isRegularFile(Path.of(attach.settings()))) {
            throw new MojoExecutionException("perfgate: jfrSettings " + Path.of(attach.settings()).toAbsolutePath()
                    + " does not exist; give an existing .jfc file, or profile / default");
        }
        return attach;
    }

    private static Set<String> requestNames(LoadDefinition load) {
        Set<String> names = new LinkedHashSet<>();
        load.requests().forEach(r -> names.add(r.name()));
        return names;
    }

    /** The pom's script settings; null without a script. */
    ScriptSettings scriptSettings() {
        if (script == null) {
            return null;
        }
        return new ScriptSettings(script.toPath(), scriptTool, scriptCommand, scriptArgs, scriptProperties,
                scriptWorkers, List.of());
    }

    private boolean isCommand() {
        return loadCommand != null && !loadCommand.isEmpty();
    }

    private CommandSettings commandSettings() {
        return new CommandSettings(loadCommand, loadResultFile, loadFormat, loadRequestName, loadHlogUnit);
    }

    /** A load an arbitrary command generates; only the shape comes from the pom. */
    private LoadDefinition commandLoad() throws MojoExecutionException {
        List<String> problems = new ArrayList<>();
        if (requests != null && !requests.isEmpty()) {
            problems.add("both <loadCommand> and <requests> are configured; the command defines the requests: "
                    + "remove <requests>, or <loadCommand> to use the embedded engine");
        }
        if (scenarioFile != null) {
            problems.add("both <loadCommand> and <scenarioFile> are configured; keep one");
        }
        if (script != null) {
            problems.add("both <loadCommand> and <script> are configured; keep one");
        }
        if (feeder != null) {
            problems.add("<feeder> fills perfgate's own requests; the command reads its data itself");
        }
        for (int i = 0; i < loadCommand.size(); i++) {
            if (loadCommand.get(i) == null) {
                problems.add("<loadCommand> element " + (i + 1) + " is empty: Maven replaces an argument that is only "
                        + "${perfgate.baseUrl} (or another unknown property) by nothing; write $${perfgate.baseUrl}");
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        try {
            return LoadDefinition.external(CommandTool.identity(commandSettings()), profileOnly());
        } catch (LoadConfigException e) {
            e.problems().forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + e.getMessage());
        }
    }

    private dev.perfgate.load.LoadProfile profileOnly() throws LoadConfigException {
        return LoadDefinitionBuilder.profile(new ProfileDraft(model, rate, rampUp, duration, warmup, trialsToPlan(),
                connections, requestTimeout, maxSendLag));
    }

    /** The script's or command's tool, its settings checked before any load. */
    private LoadTool loadTool(LoadDefinition load) throws MojoExecutionException {
        if (isCommand()) {
            try {
                return CommandTool.create(commandSettings(), load.profile());
            } catch (LoadConfigException e) {
                e.problems().forEach(p -> getLog().error("perfgate: " + p));
                throw new MojoExecutionException("perfgate: " + String.join("; ", e.problems()));
            }
        }
        ScriptSettings settings = scriptSettings();
        try {
            settings = settings.withToolClasspath(toolClasspath(LoadTools.detect(settings)));
            return LoadTools.create(settings, load.profile());
        } catch (LoadConfigException e) {
            e.problems().forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + String.join("; ", e.problems()));
        }
    }

    /** Jars a tool runs from (JMeter's, resolved from the project's repositories); empty for the others. */
    List<Path> toolClasspath(String tool) throws MojoExecutionException {
        // an installed JMeter named by <scriptCommand> needs no jars
        if (!tool.equals("jmeter") || JMeterTool.isJMeterLauncher(scriptCommand)) {
            return List.of();
        }
        return JMeterArtifacts.resolve(repositorySystem, repositorySession, remoteRepositories, jmeterVersion,
                jmeterArtifacts, getLog());
    }

    /** A load a script defines: only the shape (duration, trials, users) comes from the pom. */
    private LoadDefinition scriptLoad() throws MojoExecutionException {
        List<String> problems = new ArrayList<>();
        if (requests != null && !requests.isEmpty()) {
            problems.add("both <script> and <requests> are configured; the script defines the requests: remove "
                    + "<requests>, or <script> to use the embedded engine");
        }
        if (scenarioFile != null) {
            problems.add("both <script> and <scenarioFile> are configured; keep one");
        }
        if (feeder != null) {
            problems.add("<feeder> fills perfgate's own requests; a script reads its data itself (pass the file "
                    + "through <scriptProperties>)");
        }
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        try {
            return LoadDefinition.external(LoadTools.identity(scriptSettings(), project.getBasedir().toPath()),
                    LoadDefinitionBuilder.profile(new ProfileDraft(model, rate, rampUp, duration, warmup,
                            trialsToPlan(), connections, requestTimeout, maxSendLag)));
        } catch (LoadConfigException e) {
            e.problems().forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + e.getMessage());
        }
    }

    LoadDefinition loadDefinition() throws MojoExecutionException {
        if (isScenario()) {
            return scenarioLoad();
        }
        if (isCommand()) {
            return commandLoad();
        }
        if (script != null) {
            return scriptLoad();
        }
        List<RequestDraft> drafts = new ArrayList<>();
        if (requests != null) {
            for (RequestParameter r : requests) {
                drafts.add(new RequestDraft(r.getName(), r.getMethod(), r.getPath(), r.getHeaders(), r.getBody(),
                        r.getWeight(), r.getExpectStatus(), r.getBodyContains(), r.getBodyMatches()));
            }
        }
        if (scenarioFile != null) {
            if (!drafts.isEmpty()) {
                throw new MojoExecutionException("perfgate: both <requests> and <scenarioFile> are configured; "
                        + "keep the requests in one place");
            }
            try {
                drafts.addAll(ScenarioFile.read(scenarioFile.toPath()));
            } catch (IOException e) {
                throw new MojoExecutionException("perfgate: " + e.getMessage() + "; see the README for its format");
            }
        }
        try {
            return LoadDefinitionBuilder.build(drafts, new ProfileDraft(model, rate, rampUp, duration, warmup,
                    trialsToPlan(), connections, requestTimeout, maxSendLag), feeder == null ? null : feeder.toPath());
        } catch (LoadConfigException e) {
            e.problems().forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + e.getMessage());
        }
    }

    private static Duration duration(String name, String text, List<String> problems) {
        return Durations.parseOrCollect("<" + name + ">", text, problems);
    }

    ServiceSpec serviceSpec() throws MojoExecutionException {
        if (service == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        emptyElements("command", service.getCommand(), problems);
        emptyElements("args", service.getArgs(), problems);
        emptyElements("jvmArgs", service.getJvmArgs(), problems);
        service.getEnvironment().forEach((name, value) -> {
            if (value == null) {
                problems.add("<service><environment><" + name + "> is empty" + EMPTY_HINT);
            }
        });
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        int kinds = (service.getCommand().isEmpty() ? 0 : 1) + (service.getJar() == null ? 0 : 1)
                + (service.getMainClass() == null ? 0 : 1);
        if (kinds != 1) {
            throw new MojoExecutionException("perfgate: <service> needs exactly one of <command>, <jar> or "
                    + "<mainClass>, but has " + kinds);
        }
        ServiceSpec.Builder builder;
        if (!service.getCommand().isEmpty()) {
            builder = ServiceSpec.command(service.getCommand());
        } else if (service.getJar() != null) {
            if (!service.getJar().isFile()) {
                problems.add("<service><jar> " + service.getJar() + " does not exist; build it first (mvn package)");
            }
            builder = ServiceSpec.jar(service.getJar().toPath());
        } else {
            builder = ServiceSpec.mainClass(service.getMainClass(), runtimeClasspath());
        }
        if (service.getReadyUrl() != null && !service.getReadyUrl().isBlank()
                && !service.getReadyUrl().matches("(?i)https?://.+")) {
            problems.add("<service><readyUrl> '" + service.getReadyUrl() + "' is not an http:// or https:// URL");
        }
        Duration readyTimeout = duration("service><readyTimeout", service.getReadyTimeout(), problems);
        Duration stopTimeout = duration("service><stopTimeout", service.getStopTimeout(), problems);
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        Path out = outputDirectory.toPath();
        builder.args(service.getArgs())
                .jvmArgs(service.getJvmArgs())
                .environment(service.getEnvironment())
                .logFile(out.resolve(Measurement.SERVICE_LOG))
                .readyTimeout(readyTimeout)
                .stopTimeout(stopTimeout)
                .port(service.getPort())
                .readiness(service.getReadyUrl() != null && !service.getReadyUrl().isBlank()
                        ? Readiness.http(service.getReadyUrl())
                        : Readiness.tcp("127.0.0.1:${perfgate.port}"));
        if (service.getWorkingDirectory() != null) {
            builder.workingDirectory(service.getWorkingDirectory().toPath());
        }
        if (service.getJava() != null) {
            builder.javaExecutable(service.getJava().toPath());
        }
        try {
            builder.jfr(jfr ? new JfrOptions(true, jfrSettings, jfrEventSettings, out) : JfrOptions.disabled());
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate: <service> " + e.getMessage(), e);
        }
    }

    /**
     * Maven evaluates a parameter that is exactly {@code ${perfgate.port}} before perfgate runs, finds no such
     * property, and passes null; embedded in a longer value the expression is left alone. Say how to write it.
     */
    private static final String EMPTY_HINT = ": Maven replaces a value that is only ${perfgate.port} (or another "
            + "unknown property) by nothing; write $${perfgate.port}, or read the PERFGATE_PORT environment variable";

    private static void emptyElements(String element, List<String> values, List<String> problems) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                problems.add("<service><" + element + "> element " + (i + 1) + " is empty" + EMPTY_HINT);
            }
        }
    }

    // ---- Java scenario (<scenario>) ----------------------------------------------------------------------------

    private boolean isScenario() {
        return scenario != null && !scenario.isBlank();
    }

    /** A load a Java scenario defines: only the shape comes from the pom; the class must be on the test classpath. */
    private LoadDefinition scenarioLoad() throws MojoExecutionException {
        String className = scenario.trim();
        List<String> problems = new ArrayList<>();
        if (service != null) {
            problems.add("both <scenario> and <service> are configured; perfgate forks the JVM that runs the "
                    + "scenario itself: remove <service> (JVM options go into <scenarioJvmArgs>)");
        }
        if (requests != null && !requests.isEmpty()) {
            problems.add("both <scenario> and <requests> are configured; the scenario is the load: remove <requests>");
        }
        if (scenarioFile != null) {
            problems.add("both <scenario> and <scenarioFile> are configured; remove <scenarioFile>");
        }
        if (script != null) {
            problems.add("both <scenario> and <script> are configured; keep one of them");
        }
        if (isCommand()) {
            problems.add("both <scenario> and <loadCommand> are configured; keep one of them");
        }
        if (feeder != null) {
            problems.add("<feeder> fills perfgate's own requests; a Java scenario reads its data itself: remove "
                    + "<feeder>");
        }
        if (baseUrl != null && !baseUrl.isBlank()) {
            problems.add("<baseUrl> is set, but a Java scenario runs in a JVM perfgate forks, not behind a URL: "
                    + "remove <baseUrl>");
        }
        if (jfrAttachPid != null || jfrJmxUrl != null && !jfrJmxUrl.isBlank()) {
            problems.add("jfrAttachPid / jfrJmxUrl name a JVM perfgate did not start; perfgate records the "
                    + "scenario's JVM itself: remove them");
        }
        List<Path> classpath = testClasspath();
        if (problems.isEmpty() && !ScenarioSpec.onClasspath(className, classpath)) {
            problems.add("<scenario> " + className + " is not on the test classpath (" + classpath.size()
                    + " entries, first " + (classpath.isEmpty() ? "none" : classpath.get(0)) + "); check the class "
                    + "name (package included) and that the tests are compiled: run perfgate within mvn verify");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        try {
            return LoadDefinition.external(ScenarioSpec.identity(className, classpath),
                    LoadDefinitionBuilder.profile(new ProfileDraft(model, rate, rampUp, duration, warmup,
                            trialsToPlan(), connections, requestTimeout, maxSendLag)));
        } catch (LoadConfigException e) {
            e.problems().forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + e.getMessage());
        }
    }

    /** The forked JVM that runs the scenario, started, profiled and stopped like a service. */
    private ServiceSpec scenarioService() throws MojoExecutionException {
        for (int i = 0; i < scenarioJvmArgs.size(); i++) {
            if (scenarioJvmArgs.get(i) == null) {
                throw new MojoExecutionException("perfgate: <scenarioJvmArgs> element " + (i + 1) + " is empty"
                        + EMPTY_HINT);
            }
        }
        Path out = outputDirectory.toPath();
        try {
            return ScenarioSpec.service(scenario.trim(), testClasspath())
                    .jvmArgs(scenarioJvmArgs)
                    .logFile(out.resolve(Measurement.SERVICE_LOG))
                    .jfr(jfr ? new JfrOptions(true, jfrSettings, jfrEventSettings, out) : JfrOptions.disabled())
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException("perfgate: <scenario> " + e.getMessage(), e);
        }
    }

    private List<Path> testClasspath() throws MojoExecutionException {
        try {
            List<Path> paths = new ArrayList<>();
            for (String element : project.getTestClasspathElements()) {
                paths.add(Path.of(element));
            }
            return paths;
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("perfgate: cannot resolve the test classpath for <scenario>: "
                    + e.getMessage(), e);
        }
    }

    private List<Path> runtimeClasspath() throws MojoExecutionException {
        try {
            List<Path> paths = new ArrayList<>();
            for (String element : project.getRuntimeClasspathElements()) {
                paths.add(Path.of(element));
            }
            return paths;
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("perfgate: cannot resolve the runtime classpath for <mainClass>: "
                    + e.getMessage(), e);
        }
    }
}
