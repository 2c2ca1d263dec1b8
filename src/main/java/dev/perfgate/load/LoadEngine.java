package dev.perfgate.load;

import dev.perfgate.measure.TrialRecording;

/**
 * Drives load against a service for one trial and records what happened. Implementations: the embedded Netty
 * engine; later, external tools (Locust, k6, JMeter) whose results are imported into the same recordings.
 */
public interface LoadEngine extends AutoCloseable {

    /**
     * Runs one trial (or the warm-up, when {@code plan.trial() == 0}) and blocks until it is over.
     *
     * @throws LoadException when no load could be sent at all (e.g. nothing accepts connections)
     */
    TrialRecording run(TrialPlan plan) throws LoadException;

    @Override
    void close();
}
