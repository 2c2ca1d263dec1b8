package dev.perfgate.load.tool;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tool invocation.
 *
 * @param argv        the command line; logged with secret values masked
 * @param environment added to perfgate's own environment (the service's URL for k6, for instance)
 */
public record ToolCommand(List<String> argv, Map<String, String> environment) {
    public ToolCommand {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }
}
