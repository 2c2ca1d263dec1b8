package dev.perfgate.load.tool;

import dev.perfgate.imports.HlogImporter;
import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.K6JsonImporter;
import dev.perfgate.imports.WrkImporter;
import dev.perfgate.load.ExternalLoad;
import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.result.LoadModel;
import dev.perfgate.util.Advice;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Any other load tool: runs {@link CommandSettings#command()} once per trial in the trial's directory with the
 * PERFGATE_* environment (plus PERFGATE_RESULTS_DIR, that directory) and {@code ${perfgate.*}} placeholders filled
 * in its arguments, then imports its result file with the chosen importer: an HdrHistogram interval log, wrk2's
 * {@code --latency} output, or k6's {@code --out json}. Only exit code 0 is a completed run.
 */
public final class CommandTool implements LoadTool {
    public static final List<String> FORMATS = List.of("hlog", "wrk", "k6");
    static final String OUTPUT_LOG = "output.log";

    private final CommandSettings settings;
    private final LoadProfile profile;
    private final String format;
    private final TimeUnit unit;

    private CommandTool(CommandSettings settings, LoadProfile profile, String format, TimeUnit unit) {
        this.settings = settings;
        this.profile = profile;
        this.format = format;
        this.unit = unit;
    }

    /** Every problem of the settings, before anything is run. */
    public static List<String> problems(CommandSettings settings) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < settings.command().size(); i++) {
            if (settings.command().get(i) == null) {
                problems.add("<loadCommand> element " + (i + 1) + " is empty: "
                        + Advice.escapeProperty("perfgate.baseUrl"));
            }
        }
        if (settings.command().isEmpty() || settings.command().get(0) == null || settings.command().get(0).isBlank()) {
            if (problems.isEmpty()) {
                problems.add("<loadCommand> is empty; give the tool's executable and its arguments");
            }
        }
        String format = format(settings);
        if (!FORMATS.contains(format)) {
            problems.add("<loadFormat> '" + (settings.format() == null ? "" : settings.format()) + "' is not one of "
                    + String.join(", ", FORMATS));
        }
        if (!format.equals("wrk") && stdout(settings.resultFile())) {
            problems.add("<loadResultFile> is required for the " + (format.isEmpty() ? "chosen" : format)
                    + " format: the file the command writes, relative to the trial's directory "
                    + "(${perfgate.resultsDir}) or absolute");
        }
        try {
            HlogImporter.unit(settings.hlogUnit());
        } catch (IllegalArgumentException e) {
            problems.add("<loadHlogUnit> " + e.getMessage());
        }
        return problems;
    }

    private static String format(CommandSettings settings) {
        return settings.format() == null ? "" : settings.format().trim().toLowerCase(Locale.ROOT);
    }

    /** Checks the settings (every problem at once) and creates the tool. */
    public static CommandTool create(CommandSettings settings, LoadProfile profile) throws LoadConfigException {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new LoadConfigException(problems);
        }
        String format = format(settings);
        TimeUnit unit = HlogImporter.unit(settings.hlogUnit());
        return new CommandTool(settings, profile, format, unit);
    }

    /** The command's identity for the load hash and the reports, secret values masked. */
    public static ExternalLoad identity(CommandSettings settings) {
        Map<String, String> shown = new TreeMap<>();
        shown.put("format", String.valueOf(settings.format()));
        if (settings.resultFile() != null) {
            shown.put("resultFile", settings.resultFile());
        }
        if (settings.requestName() != null) {
            shown.put("requestName", settings.requestName());
        }
        if (settings.hlogUnit() != null) {
            shown.put("hlogUnit", settings.hlogUnit());
        }
        return new ExternalLoad("command", String.join(" ", Redaction.redactArguments(settings.command())), null,
                shown);
    }

    @Override
    public String name() {
        String exe = settings.command().get(0);
        int slash = exe.lastIndexOf('/');
        return slash >= 0 && slash < exe.length() - 1 ? exe.substring(slash + 1) : exe;
    }

    /** The pom's model: the command decides (wrk2 -R is open, wrk and most scripts closed); perfgate cannot see it. */
    @Override
    public LoadModel model() {
        return profile.model();
    }

    @Override
    public String timing() {
        return switch (format) {
            case "wrk" -> "are wrk2's: corrected from each request's intended send time (wrk2 -R), uncorrected from "
                    + "the actual send with -U (without -U the corrected ones stand for both)";
            case "k6" -> "are k6's http_req_duration, timed from the actual send: corrected and uncorrected are the "
                    + "same; dropped iterations flag the trial";
            default -> "come from " + name() + "'s HdrHistogram interval log: corrected and uncorrected as tagged in "
                    + "perfgate's own layout, otherwise the same values in both, timed as the tool timed them";
        };
    }

    @Override
    public ToolCommand command(TrialPlan plan, Path directory) throws LoadException {
        Map<String, String> env = new LinkedHashMap<>(ToolEnvironment.of(plan, profile));
        env.put("PERFGATE_RESULTS_DIR", directory.toAbsolutePath().toString());
        Map<String, String> placeholders = Map.of(
                "${perfgate.baseUrl}", env.get("PERFGATE_BASE_URL"),
                "${perfgate.duration}", env.get("PERFGATE_DURATION"),
                "${perfgate.users}", env.get("PERFGATE_USERS"),
                "${perfgate.rate}", env.get("PERFGATE_RATE"),
                "${perfgate.trial}", env.get("PERFGATE_TRIAL"),
                "${perfgate.resultsDir}", env.get("PERFGATE_RESULTS_DIR"));
        List<String> argv = new ArrayList<>();
        for (String arg : settings.command()) {
            String a = arg;
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                a = a.replace(p.getKey(), p.getValue());
            }
            argv.add(a);
        }
        return new ToolCommand(argv, env);
    }

    @Override
    public boolean completed(int exitCode) {
        return exitCode == 0;
    }

    @Override
    public ImportedResults read(TrialPlan plan, Path directory) throws IOException {
        List<Path> files = resultFiles(directory);
        ImportedResults results = new ImportedResults();
        for (Path file : files) {
            results.merge(read(file));
        }
        return results;
    }

    /**
     * The result file, or with a glob in its file name ({@code host-*.hlog}) every match, sorted: one file per
     * generator host, merged by adding their histograms.
     */
    private List<Path> resultFiles(Path directory) throws IOException {
        if (stdout(settings.resultFile())) {
            return List.of(directory.resolve(OUTPUT_LOG));
        }
        Path file = directory.resolve(settings.resultFile().replace("${perfgate.resultsDir}",
                directory.toAbsolutePath().toString()));
        String pattern = file.getFileName().toString();
        if (pattern.contains("*") || pattern.contains("?")) {
            PathMatcher matcher = file.getFileSystem().getPathMatcher("glob:" + pattern);
            List<Path> matches = new ArrayList<>();
            if (Files.isDirectory(file.getParent())) {
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(file.getParent())) {
                    for (Path p : dir) {
                        if (matcher.matches(p.getFileName()) && Files.isRegularFile(p)) {
                            matches.add(p);
                        }
                    }
                }
            }
            if (matches.isEmpty()) {
                throw new NoSuchFileException(file + " matches no file: the command wrote no result file there "
                        + "(check <loadResultFile>)");
            }
            matches.sort(null);
            return matches;
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file + " is missing: the command wrote no result file there (check "
                    + "<loadResultFile>; the command gets the trial's directory as ${perfgate.resultsDir} and "
                    + "PERFGATE_RESULTS_DIR)");
        }
        return List.of(file);
    }

    private ImportedResults read(Path file) throws IOException {
        String name = settings.requestName() == null || settings.requestName().isBlank() ? null
                : settings.requestName().trim();
        return switch (format) {
            case "wrk" -> new WrkImporter(name == null ? WrkImporter.DEFAULT_NAME : name).read(file);
            case "k6" -> new K6JsonImporter().read(file);
            default -> new HlogImporter(name == null ? HlogImporter.DEFAULT_NAME : name, unit).read(file);
        };
    }

    @Override
    public String installHint() {
        return "check <loadCommand>: its first element must be an executable on the PATH or an absolute path (for "
                + "wrk2, build it from https://github.com/giltene/wrk2)";
    }

    private static boolean stdout(String resultFile) {
        return resultFile == null || resultFile.isBlank() || resultFile.trim().equals("-");
    }
}
