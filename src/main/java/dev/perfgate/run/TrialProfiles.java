package dev.perfgate.run;

import dev.perfgate.load.LoadProfile;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.service.AttachedRecording;
import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.ServiceException;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.BuildLog;
import dev.perfgate.util.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a trial's .jfr file comes from: the continuous recording of a JVM service perfgate launched (cut out with
 * jcmd), a recording perfgate runs over JMX in a JVM it did not launch, or nowhere. Either way the file is
 * {@code trial-N.jfr} in the run directory, so profile analysis does not care which.
 */
interface TrialProfiles extends AutoCloseable {
    /** Nothing records: no JVM service, JFR off, or a service that is not a JVM. */
    TrialProfiles NONE = new TrialProfiles() {
        @Override
        public Path save(TrialTarget target, Path file, Instant begin, Instant end) {
            return null;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Writes the profile of the trial window [begin, end] into {@code file}.
     *
     * @param target the trial's target; a launched service may be a new one per trial
     * @return the written file, or null when nothing records
     */
    Path save(TrialTarget target, Path file, Instant begin, Instant end) throws MeasurementException;

    /** Ends the recording this object started, if any; never throws. */
    @Override
    void close();

    /**
     * What the plan records, called before the first warm-up: an attached recording is started here, so that
     * attach problems are reported before any load is sent.
     */
    static TrialProfiles open(MeasurementPlan plan, BuildLog log) throws MeasurementException {
        ServiceSpec spec = plan.service();
        if (spec != null) {
            return spec.isJvm() && spec.jfr().enabled() ? new LaunchedServiceProfiles() : NONE;
        }
        JfrAttach attach = plan.jfrAttach();
        if (attach == null) {
            return NONE;
        }
        String where = Redaction.redactArgument(attach.target().describe());
        Duration safety = safetyStop(plan);
        long begin = System.nanoTime();
        AttachedRecording recording;
        try {
            recording = AttachedRecording.start(attach, safety);
        } catch (ServiceException e) {
            throw new MeasurementException(e.getMessage() + " (or set jfr=false to measure without a profile)", e);
        }
        log.info("recording JFR (" + attach.settings() + ") in " + where + " as recording " + recording.id()
                + ", started in " + (System.nanoTime() - begin) / 1_000_000 + " ms; it stops itself after "
                + safety.toMinutes() + " min if this build cannot stop it");
        if (!recording.otherRecordings().isEmpty()) {
            log.warn(where + " already runs JFR recording(s) " + String.join(", ",
                    recording.otherRecordings()) + "; JFR records what all running recordings ask for, so the "
                    + "profile and its overhead include theirs");
        }
        return new AttachedProfiles(recording, log);
    }

    /** The run's JFR identity, the same for a launched and an attached recording with the same settings. */
    static JfrInfo describe(MeasurementPlan plan) {
        ServiceSpec spec = plan.service();
        if (spec != null) {
            if (!spec.isJvm() || !spec.jfr().enabled()) {
                return JfrInfo.off();
            }
            // The settings and extra options define what was profiled; the file name is local and left out.
            return new JfrInfo(true, spec.jfr().settings(), spec.jfr().extraOptions());
        }
        JfrAttach attach = plan.jfrAttach();
        return attach == null ? JfrInfo.off() : new JfrInfo(true, attach.settings(), List.of());
    }

    /**
     * How long an attached recording may run before the target JVM stops it by itself, should this build be killed
     * (SIGKILL) before it can: three times the longest the measurement can take, plus an hour.
     */
    static Duration safetyStop(MeasurementPlan plan) {
        LoadProfile load = plan.load().profile();
        Duration trial = load.duration().plus(load.requestTimeout()).plusMinutes(1);
        return load.warmup().plus(trial.multipliedBy(plan.maxTrials())).multipliedBy(3).plusHours(1);
    }
}
