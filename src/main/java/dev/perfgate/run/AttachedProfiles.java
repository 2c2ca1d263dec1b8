package dev.perfgate.run;

import dev.perfgate.service.AttachedRecording;
import dev.perfgate.service.ServiceException;
import dev.perfgate.util.BuildLog;
import dev.perfgate.util.Redaction;
import java.nio.file.Path;
import java.time.Instant;

/** A recording perfgate started over JMX in a JVM it did not launch; each trial's window is copied out of it. */
final class AttachedProfiles implements TrialProfiles {
    private final AttachedRecording recording;
    private final BuildLog log;

    AttachedProfiles(AttachedRecording recording, BuildLog log) {
        this.recording = recording;
        this.log = log;
    }

    @Override
    public Path save(TrialTarget target, Path file, Instant begin, Instant end) throws MeasurementException {
        try {
            return recording.copy(file, begin, end);
        } catch (ServiceException e) {
            throw new MeasurementException(e.getMessage() + " (or set jfr=false to measure without a profile)", e);
        }
    }

    @Override
    public void close() {
        recording.close();
        recording.closeProblem().ifPresentOrElse(log::warn, () -> log.info("stopped and closed the JFR "
                + "recording in " + Redaction.redactArgument(recording.target())));
    }
}
