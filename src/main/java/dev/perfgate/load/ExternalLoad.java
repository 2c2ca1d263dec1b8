package dev.perfgate.load;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A load defined outside perfgate's request mix: a tool's script (Locust, k6, JMeter), a Java scenario class, or a
 * command whose results are imported. Only its identity lives here, for the load hash and the reports; running it is
 * the tool's business (see dev.perfgate.load.tool).
 *
 * @param tool     the tool's id: "locust", "k6", "jmeter", "java", "command"
 * @param source   what the user named: the script's path as configured, or the scenario's class name
 * @param sha256   hash of the script's content, so that an edited script changes the load hash; null when there is no
 *                 file to hash
 * @param settings what else shapes the load (users, spawn rate, properties, workers...), secret values already masked
 */
public record ExternalLoad(String tool, String source, String sha256, Map<String, String> settings) {
    public ExternalLoad {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(source, "source");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
