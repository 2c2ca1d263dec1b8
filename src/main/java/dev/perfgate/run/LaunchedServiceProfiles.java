package dev.perfgate.run;

import dev.perfgate.service.ServiceException;
import java.nio.file.Path;
import java.time.Instant;

/** The launched JVM service records all along (-XX:StartFlightRecording); jcmd cuts each trial out of it. */
final class LaunchedServiceProfiles implements TrialProfiles {
    @Override
    public Path save(TrialTarget target, Path file, Instant begin, Instant end) throws MeasurementException {
        if (target.service() == null) {
            return null;
        }
        try {
            return target.service().dumpJfr(file, begin, end);
        } catch (ServiceException e) {
            throw new MeasurementException("cannot save the JFR profile of the trial to " + file + ": "
                    + e.getMessage() + "; set <jfr>false</jfr> to measure without a profile", e);
        }
    }

    @Override
    public void close() {
        // the recording ends with the service
    }
}
