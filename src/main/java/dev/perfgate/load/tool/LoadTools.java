package dev.perfgate.load.tool;

import dev.perfgate.load.ExternalLoad;
import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Picks the tool for a script, checks its settings before any load, and creates it. */
public final class LoadTools {
    public static final List<String> TOOLS = List.of("locust", "k6", "jmeter");

    private LoadTools() {
    }

    /**
     * The tool's id: the configured one, or the one the script's extension names (.py Locust, .js k6, .jmx JMeter).
     */
    public static String detect(ScriptSettings settings) throws LoadConfigException {
        if (settings.tool() != null && !settings.tool().isBlank()) {
            String tool = settings.tool().trim().toLowerCase(Locale.ROOT);
            if (!TOOLS.contains(tool)) {
                throw new LoadConfigException(List.of("<scriptTool> '" + settings.tool() + "' is not one of "
                        + String.join(", ", TOOLS)));
            }
            return tool;
        }
        String name = settings.script().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".py")) {
            return "locust";
        }
        if (name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".ts")) {
            return "k6";
        }
        if (name.endsWith(".jmx")) {
            return "jmeter";
        }
        throw new LoadConfigException(List.of("<script> " + settings.script() + ": cannot tell the tool from its "
                + "extension (.py Locust, .js k6, .jmx JMeter); set <scriptTool> to one of " + String.join(", ", TOOLS)));
    }

    /**
     * Every problem of the settings, before any jar is resolved or tool started: the tool cannot be told, the script
     * is missing, the workers do not fit the tool.
     */
    public static List<String> problems(ScriptSettings settings) {
        String tool;
        try {
            tool = detect(settings);
        } catch (LoadConfigException e) {
            return e.problems();
        }
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(settings.script())) {
            problems.add("<script> " + settings.script().toAbsolutePath() + " does not exist");
        }
        if (settings.workers() < 0) {
            problems.add("<scriptWorkers> is " + settings.workers() + "; give 0 (one process) or more");
        }
        if (settings.workers() > 0 && !tool.equals("locust")) {
            problems.add("<scriptWorkers> drives Locust's master/worker mode; for " + tool + " see "
                    + "docs/load-tools.md, Distributed (run the generators yourself and import their results)");
        }
        return problems;
    }

    /**
     * Checks the settings (all problems at once) and creates the tool.
     *
     * @param profile the trials' shape: duration and warm-up for every tool; connections as users/threads
     */
    public static LoadTool create(ScriptSettings settings, LoadProfile profile) throws LoadConfigException {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new LoadConfigException(problems);
        }
        String tool = detect(settings);
        switch (tool) {
            case "locust":
                return new LocustTool(settings, profile);
            case "k6":
                return new K6Tool(settings, profile);
            case "jmeter":
                if (settings.toolClasspath().isEmpty() && !JMeterTool.isJMeterLauncher(settings.command())) {
                    throw new LoadConfigException(List.of("<script> " + settings.script() + ": JMeter's jars were "
                            + "not resolved (the plugin resolves org.apache.jmeter:ApacheJMeter_core and friends "
                            + "from Maven Central: run Maven online once), or set <scriptCommand> to an installed "
                            + "JMeter's bin/jmeter"));
                }
                return new JMeterTool(settings, profile);
            default:
                throw new IllegalStateException(tool);
        }
    }

    /**
     * The script's identity for the load hash: tool, path, content hash and the settings that shape the load.
     *
     * @param projectDirectory the script's path is recorded relative to it, so clones elsewhere hash alike; null
     *                         to record it as given
     */
    public static ExternalLoad identity(ScriptSettings settings, Path projectDirectory) throws LoadConfigException {
        String tool = detect(settings);
        Map<String, String> shown = new TreeMap<>();
        settings.properties().forEach((k, v) -> shown.put("property." + k, shownValue(k, v)));
        if (!settings.args().isEmpty()) {
            shown.put("args", String.join(" ", Redaction.redactArguments(settings.args())));
        }
        if (settings.workers() > 0) {
            shown.put("workers", Integer.toString(settings.workers()));
        }
        return new ExternalLoad(tool, relative(settings.script(), projectDirectory), sha256(settings.script()), shown);
    }

    /** {@code file} relative to {@code directory} with '/' separators when it lies inside it, else as given. */
    public static String relative(Path file, Path directory) {
        if (directory != null) {
            Path abs = file.toAbsolutePath().normalize();
            Path dir = directory.toAbsolutePath().normalize();
            if (abs.startsWith(dir)) {
                return dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        return file.toString();
    }

    /** A property's value as it may be shown: masked when its key names a secret. */
    public static String shownValue(String key, String value) {
        return Redaction.redactArgument(key + "=" + value).substring(key.length() + 1);
    }

    private static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
