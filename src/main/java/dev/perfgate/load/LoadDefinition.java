package dev.perfgate.load;

import java.util.List;
import java.util.Objects;

/**
 * Everything that defines the load of a run: what is sent, in which mix, at which rate, fed by which data.
 * Its hash (see dev.perfgate.run.LoadInfos) is part of a baseline's identity: numbers measured under another load
 * definition are not comparable.
 *
 * @param requests the request mix
 * @param profile  rate, durations, connections
 * @param feeder   rows substituted into {@code #{column}} placeholders, or null
 */
public record LoadDefinition(List<RequestSpec> requests, LoadProfile profile, Feeder feeder) {
    public LoadDefinition {
        requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
        Objects.requireNonNull(profile, "profile");
    }
}
