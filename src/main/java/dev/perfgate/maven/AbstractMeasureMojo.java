package dev.perfgate.maven;

import dev.perfgate.load.Feeder;
import dev.perfgate.load.FeederCsv;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadModel;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.run.Measurement;
import dev.perfgate.run.MeasurementException;
import dev.perfgate.run.MeasurementPlan;
import dev.perfgate.run.RunLog;
import dev.perfgate.run.RunResult;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.Durations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

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

    /** Unmeasured load before the first trial: JIT compilation, caches, connection pools. */
    @Parameter(property = "perfgate.warmup", defaultValue = "5s")
    protected String warmup;

    /** Number of measured trials; relative gates compare one value per trial. */
    @Parameter(property = "perfgate.trials", defaultValue = "5")
    protected int trials;

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

    /** Header names whose values are secrets, besides Authorization, Cookie and the like; never logged. */
    @Parameter
    protected List<String> secretHeaders = new ArrayList<>();

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    /** Validates the whole configuration, then measures; MojoExecutionException for infrastructure errors. */
    protected RunResult measure() throws MojoExecutionException {
        LoadDefinition load = loadDefinition();
        parseGates(requestNames(load));
        ServiceSpec spec = serviceSpec();
        String url = baseUrl;
        if (url == null || url.isBlank()) {
            if (spec == null) {
                throw new MojoExecutionException("perfgate: neither <service> nor <baseUrl> is configured; "
                        + "configure the service to start, or the URL of one that is already running");
            }
            url = "http://127.0.0.1:${perfgate.port}";
        }
        if (!url.startsWith("http://")) {
            throw new MojoExecutionException("perfgate: baseUrl '" + url + "' is not a plain http:// URL; the "
                    + "embedded load engine speaks HTTP/1.1 without TLS");
        }
        int engineThreads = 1;
        MeasurementPlan plan = new MeasurementPlan(spec, url, load, () -> new NettyLoadEngine(engineThreads),
                outputDirectory.toPath(), new HashSet<>(secretHeaders), pluginVersion, project.getBasedir());
        try {
            return new Measurement(plan, mavenLog()).run();
        } catch (MeasurementException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private RunLog mavenLog() {
        return new RunLog() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
    }

    private static Set<String> requestNames(LoadDefinition load) {
        Set<String> names = new LinkedHashSet<>();
        load.requests().forEach(r -> names.add(r.name()));
        return names;
    }

    LoadDefinition loadDefinition() throws MojoExecutionException {
        List<String> problems = new ArrayList<>();
        if (requests == null || requests.isEmpty()) {
            throw new MojoExecutionException("perfgate: no <requests> configured; declare at least one "
                    + "<request><path>/...</path></request>");
        }
        List<RequestSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            RequestParameter r = requests.get(i);
            String where = "request " + (i + 1);
            if (r.getPath() == null || !r.getPath().startsWith("/")) {
                problems.add(where + ": <path> must start with '/', but is '" + r.getPath() + "'");
                continue;
            }
            String method = r.getMethod() == null ? "GET" : r.getMethod().trim().toUpperCase(Locale.ROOT);
            if (!method.matches("[A-Z]+")) {
                problems.add(where + ": <method> '" + r.getMethod() + "' is not an HTTP method");
            }
            String name = r.getName() == null || r.getName().isBlank() ? method + " " + r.getPath() : r.getName();
            if (!names.add(name)) {
                problems.add(where + ": the name '" + name + "' is used twice; give each request its own <name>");
            }
            if (r.getHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Host"))) {
                problems.add(where + " (" + name + "): sets a Host header; the engine sets it from the base URL");
            }
            if (r.getWeight() < 1) {
                problems.add(where + " (" + name + "): <weight> must be at least 1, but is " + r.getWeight());
            }
            List<Integer> statuses = new ArrayList<>();
            if (r.getExpectStatus() != null && !r.getExpectStatus().isBlank()) {
                for (String s : r.getExpectStatus().split(",")) {
                    try {
                        statuses.add(Integer.parseInt(s.trim()));
                    } catch (NumberFormatException e) {
                        problems.add(where + " (" + name + "): <expectStatus> '" + r.getExpectStatus()
                                + "' is not a comma-separated list of status codes");
                    }
                }
            }
            for (String regex : r.getBodyMatches()) {
                try {
                    java.util.regex.Pattern.compile(regex);
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(where + " (" + name + "): <bodyMatches> '" + regex + "' is not a regular expression");
                }
            }
            specs.add(new RequestSpec(name, method, r.getPath(), r.getHeaders(), r.getBody(), r.getWeight(),
                    statuses, r.getBodyContains(), r.getBodyMatches()));
        }
        LoadModel loadModel = null;
        try {
            loadModel = LoadModel.valueOf(model.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("<model> is '" + model + "'; use open or closed");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            problems.add("<rate> must be a positive number of requests per second, but is " + rate);
        }
        if (trials < 1) {
            problems.add("<trials> must be at least 1, but is " + trials);
        }
        if (connections < 1) {
            problems.add("<connections> must be at least 1, but is " + connections);
        }
        Duration rampUpD = duration("rampUp", rampUp, problems);
        Duration durationD = duration("duration", duration, problems);
        Duration warmupD = duration("warmup", warmup, problems);
        Duration timeoutD = duration("requestTimeout", requestTimeout, problems);
        Duration lagD = duration("maxSendLag", maxSendLag, problems);
        if (timeoutD != null && timeoutD.isZero()) {
            problems.add("<requestTimeout> must be longer than 0s");
        }
        if (durationD != null && durationD.isZero()) {
            problems.add("<duration> must be longer than 0s");
        }
        if (durationD != null && rampUpD != null && rampUpD.compareTo(durationD) >= 0) {
            problems.add("<rampUp> (" + rampUp + ") must be shorter than <duration> (" + duration + ")");
        }
        Feeder rows = null;
        if (feeder != null) {
            try {
                rows = FeederCsv.read(feeder.toPath());
            } catch (IOException e) {
                problems.add("<feeder> " + e.getMessage());
            }
        }
        checkPlaceholders(specs, rows, problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> getLog().error("perfgate: " + p));
            throw new MojoExecutionException("perfgate: " + problems.size() + " load configuration problem(s): "
                    + String.join("; ", problems));
        }
        return new LoadDefinition(specs, new LoadProfile(loadModel, rate, rampUpD, durationD, warmupD, trials,
                connections, timeoutD, lagD), rows);
    }

    private static void checkPlaceholders(List<RequestSpec> specs, Feeder rows, List<String> problems) {
        var placeholder = java.util.regex.Pattern.compile("#\\{([^}]*)}");
        for (RequestSpec spec : specs) {
            List<String> texts = new ArrayList<>(List.of(spec.path()));
            texts.addAll(spec.headers().values());
            if (spec.body() != null) {
                texts.add(spec.body());
            }
            texts.addAll(spec.bodyContains());
            texts.addAll(spec.bodyMatches());
            for (String text : texts) {
                var m = placeholder.matcher(text);
                while (m.find()) {
                    String column = m.group(1);
                    if (rows == null) {
                        problems.add(spec.name() + ": uses #{" + column + "} but no <feeder> is configured");
                    } else if (!rows.columns().contains(column)) {
                        problems.add(spec.name() + ": uses #{" + column + "}, but the feeder " + rows.source()
                                + " has only the columns " + rows.columns());
                    }
                }
            }
        }
    }

    private static Duration duration(String name, String text, List<String> problems) {
        try {
            return Durations.parse("<" + name + ">", text);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
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
        builder.jfr(jfr ? new JfrOptions(true, jfrSettings, List.of(), out) : JfrOptions.disabled());
        try {
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
