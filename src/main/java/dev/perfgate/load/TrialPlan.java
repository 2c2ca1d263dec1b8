package dev.perfgate.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One trial to run.
 *
 * @param trial       1-based trial number; 0 for the warm-up, whose recording is discarded
 * @param baseUrl     where requests go, e.g. {@code http://127.0.0.1:8123}
 * @param load        what to send
 * @param duration    length of this trial's schedule (the profile's duration, or its warm-up)
 * @param intervalLog file to write an HdrHistogram interval log to, or null for none
 * @param progress    receives a progress line about every 5 s
 */
public record TrialPlan(int trial, URI baseUrl, LoadDefinition load, Duration duration, Path intervalLog,
        ProgressListener progress) {
    public TrialPlan {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(duration, "duration");
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public boolean warmup() {
        return trial == 0;
    }
}
