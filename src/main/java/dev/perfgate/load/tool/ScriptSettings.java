package dev.perfgate.load.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the user asked for a load script to be run: the pom's {@code <script>} and its companions.
 *
 * @param script        the load script (locustfile.py, load.js, plan.jmx), as configured
 * @param tool          "locust", "k6" or "jmeter"; null to detect it from the script's extension
 * @param command       the executable (and leading arguments) to call instead of the tool's default, e.g.
 *                      {@code python3 -m locust}; empty for the default
 * @param args          extra arguments appended to the tool's command line
 * @param properties    handed to the script in the tool's own way (JMeter {@code -J}, k6 {@code -e}, Locust
 *                      environment variables); values of secret-looking keys are masked wherever they are shown
 * @param workers       distributed mode: generator processes besides the master (Locust {@code --master} with this
 *                      many local {@code --worker}s); 0 runs the tool as one process
 * @param toolClasspath JMeter's jars, resolved from Maven Central by the Mojo; empty for other tools
 */
public record ScriptSettings(Path script, String tool, List<String> command, List<String> args,
        Map<String, String> properties, int workers, List<Path> toolClasspath) {
    public ScriptSettings {
        Objects.requireNonNull(script, "script");
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        toolClasspath = toolClasspath == null ? List.of() : List.copyOf(toolClasspath);
    }

    public ScriptSettings withToolClasspath(List<Path> jars) {
        return new ScriptSettings(script, tool, command, args, properties, workers, jars);
    }
}
