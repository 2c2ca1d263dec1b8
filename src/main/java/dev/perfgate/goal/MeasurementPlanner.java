package dev.perfgate.goal;

import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateConfigException;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.InconclusivePolicy;
import dev.perfgate.goal.MeasurementConfig.Goal;
import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadDefinitionBuilder;
import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadProfile;
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
import dev.perfgate.run.MeasurementPlan;
import dev.perfgate.run.TrialExtension;
import dev.perfgate.scenario.ScenarioEngine;
import dev.perfgate.scenario.ScenarioSpec;
import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.Placeholders;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link MeasurementConfig} into a {@link MeasurementPlan}: every configuration rule of a measurement, each
 * written once, checked in one round, before any load is sent or anything slow is done. A configuration with
 * several mistakes fails once, naming all of them. Only then are JMeter's jars resolved and a baseline version
 * built, which can fail on their own ({@link PlanningException}).
 */
public final class MeasurementPlanner {
    private static final String SERVICE_URL = "http://127.0.0.1:" + Placeholders.PORT;

    private MeasurementPlanner() {
    }

    /**
     * A measurement ready to run.
     *
     * @param plan  what {@link dev.perfgate.run.Measurement} runs
     * @param gates the gates, validated against the load's request names where the load names them
     */
    public record Planned(MeasurementPlan plan, List<Gate> gates) {
    }

    public static Planned plan(MeasurementConfig config, BuildContext context)
            throws ConfigurationException, PlanningException {
        List<String> problems = new ArrayList<>();
        LoadConfig load = config.load();
        ShapeConfig shape = config.shape();
        Path out = config.outputDirectory();
        LoadSource source = LoadSource.of(load, problems);
        boolean scenario = source == LoadSource.SCENARIO;

        DecisionSettings settings = config.decision().settings(problems);
        config.decision().whenBaselineMissing(problems);
        boolean interleaved = config.goal() == Goal.RUN && config.ab().named() > 0;
        int trials = plannedTrials(config, interleaved);
        // pairs below 1 are the A/B rules' to name; the load's own rule would name the same mistake again
        ProfileDraft draft = new ProfileDraft(shape.model(), shape.rate(), shape.rampUp(), shape.duration(),
                shape.warmup(), interleaved ? Math.max(1, trials) : trials, shape.connections(),
                shape.requestTimeout(), shape.maxSendLag());

        LoadDefinition definition = definition(config, source, draft, context, problems);
        List<Gate> gates = gates(config, source, definition, problems);

        ServiceSpec service = scenario
                ? scenarioService(config, context, problems)
                : config.service() == null ? null
                : ServicePlanner.service(config.service(), config.jfr(), out, context, problems);
        boolean started = scenario || config.service() != null;
        if (scenario) {
            scenarioConflicts(config, problems);
        }
        JfrAttach attach = AttachPlanner.attach(config.jfr(), started, scenario, context.log(), problems);
        String baseUrl = baseUrl(config, source, started, problems);

        int cap = trialCap(config, trials, problems);
        boolean extend = config.goal() == Goal.RUN && settings != null
                && settings.inconclusive() == InconclusivePolicy.EXTEND;
        if (extend && cap <= trials && !interleaved) {
            problems.add("<inconclusive>extend</inconclusive> needs <maxTrials> above <trials> (" + shape.trials()
                    + "), e.g. <maxTrials>" + (2 * shape.trials()) + "</maxTrials>");
        }
        if (extend && interleaved) {
            problems.add("<inconclusive>extend</inconclusive> does not apply to interleaved A/B (the pairs are fixed "
                    + "before the first); raise <pairs>, or use warn or fail");
        }
        if (shape.restartPerTrial() && !started) {
            problems.add("restartPerTrial is true, but no <service> is configured for perfgate to restart (the load "
                    + "goes to baseUrl " + baseUrl + "); configure <service>, or set restartPerTrial to false");
        }
        AbPlanner.Choice ab = interleaved ? AbPlanner.check(config.ab(), config.service() != null,
                config.service() == null ? 0 : config.service().port(), config.decision().alpha(),
                config.baselineFile(), problems) : null;
        ConfigurationException.throwIfAny(problems);

        // The configuration is valid: now what takes time, or reaches out of this build.
        Supplier<LoadEngine> engines;
        if (scenario) {
            String name = ScenarioSpec.requestName(load.scenario().trim());
            engines = () -> new ScenarioEngine(name);
        } else if (!source.embedded()) {
            LoadTool tool = tool(config, source, definition.profile(), context);
            // the tool's model, not the pom's <model>: a locustfile's users are a closed model whatever the pom says
            definition = LoadDefinition.external(definition.external(), definition.profile().withModel(tool.model()));
            engines = () -> new ToolEngine(tool, out);
        } else {
            engines = () -> new NettyLoadEngine(1);
        }
        TrialExtension extension = extend
                ? new ExtendWhileInconclusive(config.baselineFile(), gates, settings, cap) : null;
        AbPlan abPlan = ab == null ? null : AbPlanner.plan(ab, service, context);
        MeasurementPlan plan = new MeasurementPlan(service, baseUrl, definition, engines, out,
                new HashSet<>(config.secretHeaders()), config.pluginVersion(),
                config.projectDirectory() == null ? null : config.projectDirectory().toFile(), shape.restartPerTrial(),
                extension == null ? trials : cap, extension, attach, abPlan);
        return new Planned(plan, gates);
    }

    /**
     * The trials measured before any extension: the pairs of an interleaved run; for perfgate:baseline the cap, as
     * a baseline is measured once and compared with every later run, so more trials make every comparison more
     * sensitive.
     */
    private static int plannedTrials(MeasurementConfig config, boolean interleaved) {
        ShapeConfig shape = config.shape();
        if (interleaved) {
            return config.ab().pairs();
        }
        if (config.goal() == Goal.BASELINE && shape.maxTrials() != null && shape.maxTrials() > shape.trials()) {
            return shape.maxTrials();
        }
        return shape.trials();
    }

    /** The most trials inconclusive=extend may bring the run to, fixed in advance. */
    private static int trialCap(MeasurementConfig config, int planned, List<String> problems) {
        ShapeConfig shape = config.shape();
        if (shape.maxTrials() == null) {
            return planned;
        }
        if (shape.maxTrials() < shape.trials()) {
            problems.add("maxTrials (" + shape.maxTrials() + ") is less than trials (" + shape.trials() + "); set "
                    + "maxTrials to at least " + shape.trials() + ", or leave it out to run exactly the trials");
        }
        return Math.max(planned, shape.maxTrials());
    }

    /** What is sent; null when it cannot be built (problems added). */
    private static LoadDefinition definition(MeasurementConfig config, LoadSource source, ProfileDraft draft,
            BuildContext context, List<String> problems) throws PlanningException {
        LoadConfig load = config.load();
        try {
            switch (source) {
                case SCENARIO: {
                    String className = load.scenario().trim();
                    List<Path> classpath = context.testClasspath();
                    if (!ScenarioSpec.onClasspath(className, classpath)) {
                        problems.add("<scenario> " + className + " is not on the test classpath (" + classpath.size()
                                + " entries, first " + (classpath.isEmpty() ? "none" : classpath.get(0)) + "); check "
                                + "the class name (package included) and that the tests are compiled: run perfgate "
                                + "within mvn verify");
                        return null;
                    }
                    return LoadDefinition.external(ScenarioSpec.identity(className, classpath), profile(draft,
                            problems));
                }
                case COMMAND: {
                    CommandSettings settings = commandSettings(load);
                    List<String> own = CommandTool.problems(settings);
                    problems.addAll(own);
                    LoadProfile profile = profile(draft, problems);
                    return profile == null || !own.isEmpty() ? null
                            : LoadDefinition.external(CommandTool.identity(settings), profile);
                }
                case SCRIPT: {
                    ScriptSettings settings = scriptSettings(load);
                    List<String> own = LoadTools.problems(settings);
                    problems.addAll(own);
                    LoadProfile profile = profile(draft, problems);
                    return profile == null || !own.isEmpty() ? null
                            : LoadDefinition.external(LoadTools.identity(settings, config.projectDirectory()), profile);
                }
                default:
                    return requests(load, draft, problems);
            }
        } catch (LoadConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static LoadProfile profile(ProfileDraft draft, List<String> problems) {
        try {
            return LoadDefinitionBuilder.profile(draft);
        } catch (LoadConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** perfgate's own request mix, from the pom or a scenario file. */
    private static LoadDefinition requests(LoadConfig load, ProfileDraft draft, List<String> problems) {
        List<RequestDraft> drafts = new ArrayList<>(load.requests());
        if (load.scenarioFile() != null && drafts.isEmpty()) {
            try {
                drafts.addAll(ScenarioFile.read(load.scenarioFile()));
            } catch (IOException e) {
                problems.add(e.getMessage() + "; see docs/load-tools.md#scenario-file for its format");
                return null;
            }
        }
        try {
            return LoadDefinitionBuilder.build(drafts, draft, load.feeder());
        } catch (LoadConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /**
     * The gates, checked against the request names where the load names its requests: a script or command names
     * them itself, and perfgate:check checks the gates' names against what it measured.
     */
    private static List<Gate> gates(MeasurementConfig config, LoadSource source, LoadDefinition definition,
            List<String> problems) {
        LoadConfig load = config.load();
        Set<String> names = switch (source) {
            case SCENARIO -> Set.of(ScenarioSpec.requestName(load.scenario().trim()));
            case COMMAND, SCRIPT -> null;
            // with the load still wrong, the names of the pom's requests that can be named; a scenario file that
            // cannot be read names none, and the gates' names are then checked after it is fixed
            default -> definition != null ? definition.requestNames()
                    : load.requests().isEmpty() ? null : LoadDefinitionBuilder.requestNames(load.requests());
        };
        try {
            return Gates.parse(config.gates(), names);
        } catch (GateConfigException e) {
            problems.addAll(e.problems());
            return List.of();
        }
    }

    private static ServiceSpec scenarioService(MeasurementConfig config, BuildContext context, List<String> problems)
            throws PlanningException {
        return ServicePlanner.scenario(config.load().scenario().trim(), config.load().scenarioJvmArgs(), config.jfr(),
                config.outputDirectory(), context.testClasspath(), problems);
    }

    /** What does not go with a Java scenario, which runs in a JVM perfgate forks itself. */
    private static void scenarioConflicts(MeasurementConfig config, List<String> problems) {
        if (config.service() != null) {
            problems.add("both <scenario> and <service> are configured; perfgate forks the JVM that runs the scenario "
                    + "itself: remove <service> (JVM options go into <scenarioJvmArgs>)");
        }
        if (config.baseUrl() != null && !config.baseUrl().isBlank()) {
            problems.add("<baseUrl> is set, but a Java scenario runs in a JVM perfgate forks, not behind a URL: "
                    + "remove <baseUrl>");
        }
    }

    /** Where requests go: the configured URL, or the service perfgate starts. */
    private static String baseUrl(MeasurementConfig config, LoadSource source, boolean started,
            List<String> problems) {
        String url = config.baseUrl();
        if (url == null || url.isBlank() || source == LoadSource.SCENARIO) {
            if (!started) {
                problems.add("neither <service> nor <baseUrl> is configured; configure the service to start, or the "
                        + "URL of one that is already running");
            }
            return SERVICE_URL;
        }
        if (source.embedded() && !url.startsWith("http://")) {
            problems.add("baseUrl '" + url + "' is not a plain http:// URL; the embedded load engine speaks HTTP/1.1 "
                    + "without TLS");
        }
        if (!started && Placeholders.mentionsPort(url)) {
            problems.add("baseUrl " + url + " uses ${perfgate.port}, but no <service> is configured to give it a "
                    + "port; set a fixed baseUrl or configure <service>");
        }
        return url;
    }

    /** The script's or command's tool, made once the configuration is valid; JMeter's jars are resolved here. */
    private static LoadTool tool(MeasurementConfig config, LoadSource source, LoadProfile profile,
            BuildContext context) throws PlanningException, ConfigurationException {
        LoadConfig load = config.load();
        try {
            if (source == LoadSource.COMMAND) {
                return CommandTool.create(commandSettings(load), profile);
            }
            ScriptSettings settings = scriptSettings(load);
            // an installed JMeter named by <scriptCommand> needs no jars
            if (LoadTools.detect(settings).equals("jmeter") && !JMeterTool.isJMeterLauncher(load.scriptCommand())) {
                settings = settings.withToolClasspath(context.jmeterClasspath(load.jmeterVersion(),
                        load.jmeterArtifacts()));
            }
            return LoadTools.create(settings, profile);
        } catch (LoadConfigException e) {
            throw new ConfigurationException(e.problems());
        }
    }

    private static ScriptSettings scriptSettings(LoadConfig load) {
        return new ScriptSettings(load.script(), load.scriptTool(), load.scriptCommand(), load.scriptArgs(),
                load.scriptProperties(), load.scriptWorkers(), List.of());
    }

    private static CommandSettings commandSettings(LoadConfig load) {
        return new CommandSettings(load.loadCommand(), load.loadResultFile(), load.loadFormat(),
                load.loadRequestName(), load.loadHlogUnit());
    }
}
