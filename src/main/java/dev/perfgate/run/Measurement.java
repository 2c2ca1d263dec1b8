package dev.perfgate.run;

import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.profile.HealthCheck;
import dev.perfgate.profile.HealthReport;
import dev.perfgate.profile.ProfileAnalyzer;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.Pairing;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import dev.perfgate.service.Placeholders;
import dev.perfgate.service.ServiceException;
import dev.perfgate.service.ServiceProcess;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.BuildLog;
import dev.perfgate.util.Durations;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One measurement, the seed's Phase 1: start the service, wait until it is ready, warm up, run the trials while
 * JFR records, stop the service, and write run.json. The service is stopped whatever happens.
 *
 * <p>With {@link MeasurementPlan#restartPerTrial()} every trial gets its own service, started, warmed up and stopped
 * around it, so trials are independent replications: JIT, GC and heap layout are not carried from one to the next.
 * With a {@link MeasurementPlan#extension()}, trials may be added after the planned ones, up to
 * {@link MeasurementPlan#maxTrials()}.
 *
 * <p>Each trial's JFR window comes from {@link TrialProfiles}: the launched service's own recording, or, for a
 * service perfgate did not start, a recording it runs there over JMX ({@link MeasurementPlan#jfrAttach()}).
 */
public final class Measurement {
    public static final String RUN_FILE = RunJson.RUN_FILE;
    public static final String SERVICE_LOG = "service.log";
    public static final String FLAME_GRAPH = ProfileFiles.FLAME_CPU;

    private final MeasurementPlan plan;
    private final BuildLog log;
    private Facts facts;

    public Measurement(MeasurementPlan plan, BuildLog log) {
        this.plan = plan;
        this.log = log;
    }

    /** Runs the measurement and writes {@value #RUN_FILE} into the output directory. */
    public RunResult run() throws MeasurementException {
        if (plan.ab() != null) {
            return runInterleaved();
        }
        Path out = plan.outputDirectory();
        prepare(out);
        facts = null;
        RunAssembler assembler = new RunAssembler();
        TrialTarget target = null;
        TrialProfiles profiles = TrialProfiles.NONE;
        try (LoadEngine engine = plan.engines().get()) {
            profiles = TrialProfiles.open(plan, log);
            int total = plan.plannedTrials();
            for (int trial = 1; trial <= total; trial++) {
                if (target == null) {
                    target = open(trial, total);
                    warmUp(engine, target);
                }
                measureTrial(engine, target, profiles, trial, total, assembler);
                if (plan.restartPerTrial()) {
                    target.close();
                    target = null;
                }
                if (trial == total) {
                    total += moreTrials(assembler, total);
                }
            }
        } catch (ServiceException | LoadException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw failure(e);
        } finally {
            if (target != null) {
                target.close();
            }
            profiles.close();
        }
        RunResult run = build(assembler);
        run = run.withProfile(profile(run, out));
        try {
            RunJson.write(out.resolve(RUN_FILE), run);
        } catch (IOException e) {
            throw new MeasurementException("cannot write " + out.resolve(RUN_FILE) + ": " + e.getMessage(),
                    e);
        }
        return run;
    }

    /**
     * Interleaved A/B: the service and the baseline version run side by side, each on its own port and warmed up, and
     * their trials alternate pair by pair in the plan's ABBA order, so that whatever the machine does during a pair
     * touches both sides alike. Writes run.json (the service, with the pairing) and ab-baseline.json.
     * With restartPerTrial each side is instead started, warmed up and stopped around each of its trials, so only one
     * service is alive at a time (for a machine that cannot hold both).
     */
    private RunResult runInterleaved() throws MeasurementException {
        AbPlan ab = plan.ab();
        Path out = plan.outputDirectory();
        prepare(out);
        facts = null;
        AbSide baseline = new AbSide(ab.baselineService(), "the baseline version", AbPlan.BASELINE_PREFIX,
                "baseline version");
        AbSide candidate = new AbSide(plan.service(), null, "", "this build");
        TrialProfiles profiles = TrialProfiles.NONE;
        int pairs = ab.pairs();
        log.info("interleaved A/B against " + ab.baselineVersion() + ": " + pairs + " pairs in the order "
                + String.join(" ", ab.order()) + " (A = baseline version, B = this build; seed " + ab.seed() + ")");
        try (LoadEngine engine = plan.engines().get()) {
            profiles = TrialProfiles.open(plan, log);
            if (!plan.restartPerTrial()) {
                // both up and warmed before the first pair, so neither side waits on a start
                baseline.start(1, pairs);
                candidate.start(1, pairs);
                warmUp(engine, baseline.target);
                warmUp(engine, candidate.target);
            }
            for (int pair = 1; pair <= pairs; pair++) {
                boolean baselineFirst = ab.baselineFirst().get(pair - 1);
                for (AbSide side : baselineFirst ? List.of(baseline, candidate) : List.of(candidate, baseline)) {
                    if (plan.restartPerTrial()) {
                        // One service alive at a time: half the memory of side by side, for a start per trial.
                        side.start(pair, pairs);
                        warmUp(engine, side.target);
                    }
                    measureTrial(engine, side.target, profiles, pair, pairs, side.trials, side.filePrefix,
                            "pair " + pair + "/" + pairs + ", " + side.label);
                    if (plan.restartPerTrial()) {
                        side.stop();
                    }
                }
            }
        } catch (ServiceException | LoadException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw failure(e);
        } finally {
            baseline.stop();
            candidate.stop();
            profiles.close();
        }
        Pairing pairing = new Pairing(AbPlan.BASELINE_RUN_FILE, ab.baselineVersion(), ab.order(), ab.seed());
        RunResult baseRun = build(baseline.trials).withGitCommit(ab.baselineCommit())
                .withPairing(new Pairing(null, ab.baselineVersion(), ab.order(), ab.seed()));
        baseRun = baseRun.withProfile(profile(baseRun, out, false));
        RunResult run = build(candidate.trials).withPairing(pairing);
        run = run.withProfile(profile(run, out, true));
        try {
            RunJson.write(out.resolve(AbPlan.BASELINE_RUN_FILE), baseRun);
            RunJson.write(out.resolve(RUN_FILE), run);
        } catch (IOException e) {
            throw new MeasurementException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return run;
    }

    /** One side of an interleaved measurement: its launch, its trials' figures and files, and its service when up. */
    private final class AbSide {
        private final ServiceSpec spec;
        /** "the baseline version" for the log, or null for this build's service. */
        private final String version;
        private final String filePrefix;
        private final String label;
        private final RunAssembler trials = new RunAssembler();
        private TrialTarget target;

        AbSide(ServiceSpec spec, String version, String filePrefix, String label) {
            this.spec = spec;
            this.version = version;
            this.filePrefix = filePrefix;
            this.label = label;
        }

        void start(int pair, int pairs) throws MeasurementException, ServiceException {
            target = open(spec, version, pair, pairs);
        }

        void stop() {
            if (target != null) {
                target.close();
                target = null;
            }
        }
    }

    /** One line for what stopped the measurement. */
    private static MeasurementException failure(Exception e) {
        if (e instanceof IllegalArgumentException) {
            // The planner validates first; this is the engine's own last word on a definition it cannot run.
            return new MeasurementException("the load cannot be run: " + e.getMessage(), e);
        }
        return new MeasurementException(e.getMessage(), e);
    }

    /** Starts the service, if perfgate starts one, and waits until it is ready. */
    private TrialTarget open(int trial, int total) throws MeasurementException, ServiceException {
        return open(plan.service(), null, trial, total);
    }

    /** @param version "the baseline version" for an A/B measurement's second service, else null */
    private TrialTarget open(ServiceSpec spec, String version, int trial, int total)
            throws MeasurementException, ServiceException {
        if (spec == null) {
            return new TrialTarget(null, baseUrl(-1));
        }
        boolean scenario = plan.load().external() != null && "java".equals(plan.load().external().tool());
        String what = version != null ? version : scenario ? "the Java scenario's JVM" : "the service";
        log.info("starting " + (plan.restartPerTrial() ? "a fresh " + what.substring(4) + (plan.ab() != null ? " for pair " : " for trial ")
                + trial + "/" + total : what) + " (log: " + spec.logFile() + ")");
        ServiceProcess service = ServiceProcess.start(spec);
        try {
            service.awaitReady();
            log.info((version != null ? version : "service") + " ready (pid " + service.pid()
                    + ", port " + service.port() + ")");
            return new TrialTarget(service, baseUrl(service.port()));
        } catch (ServiceException | MeasurementException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void warmUp(LoadEngine engine, TrialTarget target) throws LoadException, ServiceException {
        Duration warmup = plan.load().profile().warmup();
        if (warmup.isZero()) {
            return;
        }
        log.info("warming up for " + Durations.format(warmup) + " against " + target.baseUrl());
        engine.run(new TrialPlan(0, target.baseUrl(), plan.load(), warmup, null,
                log::info));
        target.checkAlive();
    }

    private void measureTrial(LoadEngine engine, TrialTarget target, TrialProfiles profiles, int trial, int total,
            RunAssembler assembler) throws LoadException, ServiceException, MeasurementException {
        measureTrial(engine, target, profiles, trial, total, assembler, "", "trial " + trial + "/" + total);
    }

    /**
     * @param prefix of the trial's files: "" for the service, "baseline-" for an A/B measurement's baseline version
     * @param label  how the log names the trial: "trial 3/5", "pair 3/15, baseline version"
     */
    private void measureTrial(LoadEngine engine, TrialTarget target, TrialProfiles profiles, int trial, int total,
            RunAssembler assembler, String prefix, String label)
            throws LoadException, ServiceException, MeasurementException {
        Path out = plan.outputDirectory();
        Instant begin = Instant.now();
        TrialRecording recording = engine.run(new TrialPlan(trial, target.baseUrl(), plan.load(),
                plan.load().profile().duration(), out.resolve(prefix + "trial-" + trial + ".hlog"),
                line -> log.info(line.replaceFirst("^trial \\d+", label))));
        Instant end = Instant.now();
        target.checkAlive();
        Path jfr = profiles.save(target, out.resolve(prefix + "trial-" + trial + ".jfr"), begin, end);
        TrialResult result = assembler.add(recording, out, jfr);
        result.flags().forEach(f -> log.warn(label + " is not a valid measurement: " + f));
        result.warnings().forEach(w -> log.warn(label + ": " + w));
    }

    /** Asks the extension, if any and if the cap leaves room, how many trials to add. */
    private int moreTrials(RunAssembler assembler, int measured) throws MeasurementException {
        TrialExtension hook = plan.extension();
        int room = plan.maxTrials() - measured;
        if (hook == null || room <= 0) {
            return 0;
        }
        TrialExtension.Extension wanted;
        try {
            wanted = hook.extend(build(assembler));
        } catch (RuntimeException e) {
            // Caught here, or run() would report the hook's IllegalArgumentException as a load it cannot run.
            throw new MeasurementException("the trial extension failed after " + trials(measured) + ": "
                    + e, e);
        }
        if (wanted == null || wanted.trials() <= 0) {
            return 0;
        }
        int more = Math.min(wanted.trials(), room);
        String reason = wanted.reason() == null || wanted.reason().isBlank() ? "more trials requested"
                : wanted.reason();
        log.info(reason + " after " + trials(measured) + "; running " + more + " more (cap "
                + plan.maxTrials() + (more < wanted.trials() ? ", " + wanted.trials() + " asked" : "") + ")");
        return more;
    }

    /**
     * The profile of all trials' measured windows, from their .jfr files: the files hold whole JFR chunks that reach
     * into the warm-up and the neighbouring trials, so each is cut to its trial's start and end. Advisory: a
     * recording that cannot be read costs the summary, not the measurement.
     */
    private ProfileSummary profile(RunResult run, Path out) {
        return profile(run, out, true);
    }

    /** @param files whether to write flame graphs and run JMC's rules too (the candidate's, not the baseline's) */
    private ProfileSummary profile(RunResult run, Path out, boolean files) {
        List<ProfileAnalyzer.Window> windows = new ArrayList<>();
        long requests = 0;
        for (TrialResult t : run.trials()) {
            if (t.jfr() != null) {
                requests += t.overall() == null ? 0 : t.overall().count();
                windows.add(new ProfileAnalyzer.Window(out.resolve(t.jfr()), Instant.ofEpochMilli(t.startEpochMillis()),
                        Instant.ofEpochMilli(t.endEpochMillis())));
            }
        }
        if (windows.isEmpty()) {
            return null;
        }
        try {
            ProfileSummary summary = ProfileAnalyzer.analyze(windows);
            if (requests > 0 && run.overall() != null) {
                // service time (from the actual send): what the request cost the service, queueing in the load
                // generator left out
                summary = summary.withLoad(requests, run.overall().stats().uncorrected().mean());
            }
            summary.warnings().forEach(w -> log.warn("profile: " + w));
            if (summary.bottleneck() != null) {
                log.info("profile: " + summary.bottleneck().verdict() + ": " + summary.bottleneck().reason());
            }
            if (!files) {
                return summary;
            }
            writeProfileFiles(windows, out);
            HealthReport health = healthWarnings(windows);
            return health == null ? summary : summary.withHealth(health);
        } catch (IOException | RuntimeException e) {
            log.warn("the JFR profile could not be analysed (" + e.getMessage() + "); the measurement "
                    + "stands, without a profile summary");
            return null;
        }
    }

    /** Flame graphs and pprof profiles; advisory too, and a failure here costs only these files. */
    private void writeProfileFiles(List<ProfileAnalyzer.Window> windows, Path out) {
        try {
            ProfileFiles.write(windows, out, "the measured trials");
            log.info("flame graphs and pprof profiles in " + out + ": " + String.join(", ",
                    ProfileFiles.NAMES));
        } catch (IOException | RuntimeException e) {
            log.warn("the flame graphs and pprof profiles could not be written to " + out + " ("
                    + e.getMessage() + "); the measurement and its profile summary stand");
        }
    }

    /** JDK Mission Control's rules over the same windows; advisory, so any failure only warns. */
    private HealthReport healthWarnings(List<ProfileAnalyzer.Window> windows) {
        try {
            HealthReport report = HealthCheck.evaluate(windows, HealthReport.Severity.WARNING,
                    HealthCheck.DEFAULT_TIMEOUT);
            report.findings().forEach(f -> log.warn("JFR health: " + f.name() + ": " + f.summary()));
            report.notes().forEach(n -> log.info("JFR health: " + n));
            log.info("JFR health: " + HealthCheck.counts(report)
                    + " by JDK Mission Control's rules (advisory)");
            return report;
        } catch (IOException | RuntimeException | LinkageError e) {
            log.warn("JFR health: JDK Mission Control's analysis was skipped (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The run so far; the facts about git, machine and load are gathered once, at the first call. */
    private RunResult build(RunAssembler assembler) {
        if (facts == null) {
            ServiceSpec spec = plan.service();
            facts = new Facts(plan.projectDirectory() == null ? null : GitInfo.headCommit(plan.projectDirectory()),
                    environment(spec), LoadInfos.describe(plan.load(), plan.secretHeaders(), plan.restartPerTrial()),
                    TrialProfiles.describe(plan));
        }
        return assembler.build(plan.pluginVersion(), Instant.now().toString(), facts.gitCommit(), facts.environment(),
                facts.load().withTrials(assembler.trialCount(), plan.maxTrials()), facts.jfr());
    }

    private static String trials(int n) {
        return n + (n == 1 ? " trial" : " trials");
    }

    private record Facts(String gitCommit, EnvironmentFingerprint environment, LoadInfo load, JfrInfo jfr) {
    }

    /** The base URL, with the port of the service perfgate started (the planner made sure there is one). */
    private URI baseUrl(int port) throws MeasurementException {
        String url = port < 0 ? plan.baseUrl() : new Placeholders(port).resolve(plan.baseUrl());
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MeasurementException("baseUrl '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private EnvironmentFingerprint environment(ServiceSpec spec) {
        JavaRuntimeProbe.JavaRuntime java = spec != null && spec.isJvm()
                ? JavaRuntimeProbe.of(spec.javaExecutable()) : JavaRuntimeProbe.current();
        List<String> jvmArgs = spec != null && spec.isJvm()
                ? spec.jvmArgs().stream().map(Redaction::redactArgument).toList() : List.of();
        return EnvironmentFingerprint.current(java.vendor(), java.version(), jvmArgs);
    }

    /** Old trial files would mix with this run's in reports: remove them first. */
    static void prepare(Path out) throws MeasurementException {
        try {
            Files.createDirectories(out);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(out,
                    "{trial-*.hlog,trial-*.jfr,baseline-trial-*,service-*.jfr," + RUN_FILE + "," + AbPlan.BASELINE_RUN_FILE
                            + ",result.*,index.html,"
                            + String.join(",", ProfileFiles.NAMES) + "}")) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new MeasurementException("cannot prepare " + out + ": " + e.getMessage(), e);
        }
    }
}
