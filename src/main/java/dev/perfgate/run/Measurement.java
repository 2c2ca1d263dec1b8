package dev.perfgate.run;

import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.service.Placeholders;
import dev.perfgate.service.ServiceException;
import dev.perfgate.service.ServiceProcess;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.Durations;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One measurement, the seed's Phase 1: start the service, wait until it is ready, warm up, run the trials while
 * JFR records, stop the service, and write run.json. The service is stopped whatever happens.
 */
public final class Measurement {
    public static final String RUN_FILE = "run.json";
    public static final String SERVICE_LOG = "service.log";

    private final MeasurementPlan plan;
    private final RunLog log;

    public Measurement(MeasurementPlan plan, RunLog log) {
        this.plan = plan;
        this.log = log;
    }

    /** Runs the measurement and writes {@value #RUN_FILE} into the output directory. */
    public RunResult run() throws MeasurementException {
        Path out = plan.outputDirectory();
        prepare(out);
        LoadProfile profile = plan.load().profile();
        RunAssembler assembler = new RunAssembler();
        ServiceSpec spec = plan.service();
        ServiceProcess service = null;
        try (LoadEngine engine = plan.engines().get()) {
            int port = -1;
            if (spec != null) {
                log.info("perfgate: starting the service (log: " + out.resolve(SERVICE_LOG) + ")");
                service = ServiceProcess.start(spec);
                port = service.port();
                service.awaitReady();
                log.info("perfgate: service ready (pid " + service.pid() + ", port " + port + ")");
            }
            URI baseUrl = baseUrl(port);
            if (!profile.warmup().isZero()) {
                log.info("perfgate: warming up for " + Durations.format(profile.warmup()) + " against " + baseUrl);
                engine.run(new TrialPlan(0, baseUrl, plan.load(), profile.warmup(), null,
                        line -> log.info("perfgate: " + line)));
                checkAlive(service);
            }
            for (int trial = 1; trial <= profile.trials(); trial++) {
                int n = trial;
                Instant begin = Instant.now();
                TrialRecording recording = engine.run(new TrialPlan(trial, baseUrl, plan.load(),
                        profile.duration(), out.resolve("trial-" + trial + ".hlog"),
                        line -> log.info("perfgate: "
                                + line.replaceFirst("^trial \\d+", "trial " + n + "/" + profile.trials()))));
                Instant end = Instant.now();
                checkAlive(service);
                Path jfr = dumpProfile(spec, service, out.resolve("trial-" + trial + ".jfr"), begin, end);
                TrialResult result = assembler.add(recording, out, jfr);
                result.flags().forEach(f -> log.warn("perfgate: trial " + n + " is not a valid measurement: " + f));
                result.warnings().forEach(w -> log.warn("perfgate: trial " + n + ": " + w));
            }
        } catch (ServiceException e) {
            throw new MeasurementException(e.getMessage(), e);
        } catch (LoadException e) {
            throw new MeasurementException("perfgate: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new MeasurementException("perfgate: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The Mojos validate first; this is the engine's own last word on a definition it cannot run.
            throw new MeasurementException("perfgate: the load cannot be run: " + e.getMessage(), e);
        } finally {
            if (service != null) {
                service.close();
            }
        }
        RunResult run = assembler.build(plan.pluginVersion(), Instant.now().toString(),
                plan.projectDirectory() == null ? null : GitInfo.headCommit(plan.projectDirectory()),
                environment(spec), LoadInfos.describe(plan.load(), plan.secretHeaders()), jfrInfo(spec));
        try {
            RunJson.write(out.resolve(RUN_FILE), run);
        } catch (IOException e) {
            throw new MeasurementException("perfgate: cannot write " + out.resolve(RUN_FILE) + ": " + e.getMessage(),
                    e);
        }
        return run;
    }

    private URI baseUrl(int port) throws MeasurementException {
        String url = plan.baseUrl();
        if (Placeholders.mentionsPort(url)) {
            if (port < 0) {
                throw new MeasurementException("perfgate: baseUrl " + url + " uses ${perfgate.port}, but no "
                        + "<service> is configured to give it a port; set a fixed baseUrl or configure <service>");
            }
            url = new Placeholders(port).resolve(url);
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MeasurementException("perfgate: baseUrl '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static void checkAlive(ServiceProcess service) throws ServiceException {
        if (service != null) {
            service.checkAlive();
        }
    }

    private Path dumpProfile(ServiceSpec spec, ServiceProcess service, Path file, Instant begin, Instant end)
            throws MeasurementException {
        if (spec == null || service == null || !spec.isJvm() || !spec.jfr().enabled()) {
            return null;
        }
        try {
            return service.dumpJfr(file, begin, end);
        } catch (ServiceException e) {
            throw new MeasurementException("perfgate: cannot save the JFR profile of the trial to " + file + ": "
                    + e.getMessage() + "; set <jfr>false</jfr> to measure without a profile", e);
        }
    }

    private EnvironmentFingerprint environment(ServiceSpec spec) {
        JavaRuntimeProbe.JavaRuntime java = spec != null && spec.isJvm()
                ? JavaRuntimeProbe.of(spec.javaExecutable()) : JavaRuntimeProbe.current();
        List<String> jvmArgs = spec != null && spec.isJvm()
                ? spec.jvmArgs().stream().map(Redaction::redactArgument).toList() : List.of();
        return EnvironmentFingerprint.current(java.vendor(), java.version(), jvmArgs);
    }

    private static JfrInfo jfrInfo(ServiceSpec spec) {
        if (spec == null || !spec.isJvm() || !spec.jfr().enabled()) {
            return JfrInfo.off();
        }
        // The settings and extra options define what was profiled; the file name is local and left out.
        return new JfrInfo(true, spec.jfr().settings(), spec.jfr().extraOptions());
    }

    /** Old trial files would mix with this run's in reports: remove them first. */
    private static void prepare(Path out) throws MeasurementException {
        try {
            Files.createDirectories(out);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(out,
                    "{trial-*.hlog,trial-*.jfr,service-*.jfr," + RUN_FILE + ",result.*}")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new MeasurementException("perfgate: cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }
}
