package dev.perfgate.load;

import dev.perfgate.result.LoadModel;
import java.time.Duration;
import java.util.Objects;

/**
 * The shape of the load of one trial.
 *
 * @param model          open (arrival rate) or closed (fixed concurrency)
 * @param rate           requests per second for the open model (ignored by the closed model)
 * @param rampUp         time over which the open-model rate rises linearly from 0 to {@code rate}; part of the
 *                       trial's duration, not added to it
 * @param duration       measured length of one trial
 * @param warmup         length of the unmeasured warm-up before the first trial
 * @param trials         number of measured trials
 * @param connections    keep-alive connections (the concurrency of the closed model)
 * @param requestTimeout a request without an answer after this long is an error of kind TIMEOUT
 * @param maxSendLag     when the engine's own send lag (while a connection was idle) has a p90 above this, the
 *                       trial is flagged: the generator, not the service, was the bottleneck
 */
public record LoadProfile(
        LoadModel model,
        double rate,
        Duration rampUp,
        Duration duration,
        Duration warmup,
        int trials,
        int connections,
        Duration requestTimeout,
        Duration maxSendLag) {

    public LoadProfile {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rampUp, "rampUp");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxSendLag, "maxSendLag");
    }

    public LoadProfile withModel(LoadModel other) {
        return new LoadProfile(other, rate, rampUp, duration, warmup, trials, connections, requestTimeout, maxSendLag);
    }
}
