package dev.perfgate.version;

import dev.perfgate.service.ServiceSpec;
import java.nio.file.Path;

/** Copies a candidate's ServiceSpec with another launch; everything that makes the comparison fair is kept. */
final class BaselineServices {
    static final String LOG_PREFIX = "baseline-";

    private BaselineServices() {
    }

    static ServiceSpec withLaunch(ServiceSpec candidate, ServiceSpec.Launch launch, Path workingDirectory) {
        return new ServiceSpec(launch, candidate.javaExecutable(), candidate.args(), candidate.jvmArgs(),
                candidate.environment(), workingDirectory, baselineLog(candidate.logFile()), candidate.readiness(),
                candidate.readyTimeout(), candidate.stopTimeout(), candidate.port(), candidate.jfr());
    }

    /** Both services run at once: two writers on one log would interleave their lines. */
    static Path baselineLog(Path candidateLog) {
        if (candidateLog == null || candidateLog.getFileName() == null) {
            return null;
        }
        return candidateLog.resolveSibling(LOG_PREFIX + candidateLog.getFileName());
    }
}
