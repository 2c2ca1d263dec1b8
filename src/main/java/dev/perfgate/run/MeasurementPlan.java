package dev.perfgate.run;

import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadEngine;
import dev.perfgate.service.ServiceSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything {@link Measurement} needs: built by the Mojos from pom parameters, or by tests directly.
 *
 * @param service         the service to start, or null when the load targets a URL that is already up
 * @param baseUrl         where requests go; may contain {@code ${perfgate.port}}
 * @param load            what to send
 * @param engines         creates the load engine (one per measurement)
 * @param outputDirectory target/perfgate: run.json, interval logs, profiles, service log
 * @param secretHeaders   header names whose values are secrets besides the well-known ones
 * @param pluginVersion   recorded in run.json
 * @param projectDirectory for the git commit
 */
public record MeasurementPlan(ServiceSpec service, String baseUrl, LoadDefinition load,
        Supplier<LoadEngine> engines, Path outputDirectory, Set<String> secretHeaders, String pluginVersion,
        File projectDirectory) {
    public MeasurementPlan {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        secretHeaders = secretHeaders == null ? Set.of() : Set.copyOf(secretHeaders);
    }
}
