package dev.perfgate.testing;

import dev.perfgate.load.Feeder;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.result.LoadModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builders for test load definitions with test-friendly defaults. */
public final class Loads {
    private Loads() {
    }

    public static RequestSpec get(String name, String path, int weight) {
        return new RequestSpec(name, "GET", path, Map.of(), null, weight, List.of(), List.of(), List.of());
    }

    public static LoadProfile open(double rate, Duration duration, int connections, Duration timeout) {
        return new LoadProfile(LoadModel.OPEN, rate, Duration.ZERO, duration, Duration.ZERO, 1, connections,
                timeout, Duration.ofMillis(500));
    }

    public static LoadProfile closed(Duration duration, int connections) {
        return new LoadProfile(LoadModel.CLOSED, 0, Duration.ZERO, duration, Duration.ZERO, 1, connections,
                Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    public static TrialPlan plan(URI url, LoadProfile profile, Feeder feeder, RequestSpec... specs) {
        return plan(url, profile, feeder, null, specs);
    }

    public static TrialPlan plan(URI url, LoadProfile profile, Feeder feeder, Path intervalLog, RequestSpec... specs) {
        return new TrialPlan(1, url, new LoadDefinition(List.of(specs), profile, feeder), profile.duration(),
                intervalLog, null);
    }
}
