package dev.perfgate.load.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tool invocation.
 *
 * @param argv             the command line; logged with secret values masked
 * @param environment      added to perfgate's own environment (the service's URL for k6, for instance)
 * @param workingDirectory where it runs (a locustfile may read files next to it); null for the trial's directory
 * @param companions       processes started before {@code argv} and stopped after it ends, e.g. Locust's workers
 *                         under its master; they get the same environment and working directory
 */
public record ToolCommand(List<String> argv, Map<String, String> environment, Path workingDirectory,
        List<List<String>> companions) {
    public ToolCommand {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        companions = companions == null ? List.of() : companions.stream().map(List::copyOf).toList();
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    /** One process, run in the trial's directory. */
    public ToolCommand(List<String> argv, Map<String, String> environment) {
        this(argv, environment, null, List.of());
    }
}
