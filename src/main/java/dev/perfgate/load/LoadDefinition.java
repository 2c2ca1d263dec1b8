package dev.perfgate.load;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines the load of a run: what is sent, in which mix, at which rate, fed by which data.
 * Its hash (see dev.perfgate.run.LoadInfos) is part of a baseline's identity: numbers measured under another load
 * definition are not comparable.
 *
 * @param requests the request mix
 * @param profile  rate, durations, connections
 * @param feeder   rows substituted into {@code #{column}} placeholders, or null
 * @param external the script or scenario that defines the load instead of {@code requests}, or null; its results
 *                 are named by the tool (Locust's request names, JMeter's labels, k6's name tags)
 */
public record LoadDefinition(List<RequestSpec> requests, LoadProfile profile, Feeder feeder, ExternalLoad external) {
    public LoadDefinition {
        requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
        Objects.requireNonNull(profile, "profile");
    }

    /** Perfgate's own request mix. */
    public LoadDefinition(List<RequestSpec> requests, LoadProfile profile, Feeder feeder) {
        this(requests, profile, feeder, null);
    }

    /** A load an external tool or scenario defines: no request mix of ours. */
    public static LoadDefinition external(ExternalLoad external, LoadProfile profile) {
        return new LoadDefinition(List.of(), profile, null, Objects.requireNonNull(external, "external"));
    }

    /** The names requests are measured and gated under, in the order of the mix; empty for an external load. */
    public Set<String> requestNames() {
        Set<String> names = new LinkedHashSet<>();
        requests.forEach(r -> names.add(r.name()));
        return names;
    }

    public boolean isExternal() {
        return external != null;
    }
}
