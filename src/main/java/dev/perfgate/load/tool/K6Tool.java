package dev.perfgate.load.tool;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.K6JsonImporter;
import dev.perfgate.imports.K6Summary;
import dev.perfgate.imports.K6SummaryImporter;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs a k6 script once per trial: {@code k6 run --out json=<trial dir>/k6.json --summary-export <trial dir>/
 * summary.json -e PERFGATE_BASE_URL=... -e PERFGATE_DURATION=... -e PERFGATE_USERS=... -e PERFGATE_RATE=...
 * -e PERFGATE_RAMP_UP=... -e PERFGATE_TRIAL=... <scriptArgs> script.js}, with the {@code <scriptProperties>} in its
 * environment. The script reads
 * them as {@code __ENV.PERFGATE_BASE_URL} and shapes its own options (executor, VUs, rate, duration) from them.
 *
 * <p>Results come from the NDJSON point by point ({@link K6JsonImporter}); the summary is a cross-check: when its
 * {@code http_reqs} count differs from the points read, points were lost (k6 killed before its last flush, a full
 * disk) and the trial is flagged, not silently under-counted. k6's own thresholds do not decide anything here
 * (perfgate's gates do): the ones k6 found crossed are reported as a warning, and its exit code 99 for them is a
 * completed run.
 */
final class K6Tool implements LoadTool {
    static final String OUTPUT = "k6.json";
    static final String SUMMARY = "summary.json";
    /** k6's exit code when a threshold was crossed: the run completed and its data stands. */
    static final int THRESHOLDS_CROSSED = 99;

    private final ScriptSettings settings;
    private final LoadProfile profile;

    K6Tool(ScriptSettings settings, LoadProfile profile) {
        this.settings = settings;
        this.profile = profile;
    }

    @Override
    public String name() {
        return "k6";
    }

    /** The pom's model: the script's executor decides (an arrival-rate executor for OPEN), perfgate cannot see it. */
    @Override
    public LoadModel model() {
        return profile.model();
    }

    @Override
    public String timing() {
        return "are k6's http_req_duration, timed from the actual send (k6 keeps no intended send time), so corrected "
                + "and uncorrected are the same; k6's arrival-rate executors drop iterations rather than queue them "
                + "when no VU is free, and perfgate flags a trial with dropped iterations, so a stall cannot hide";
    }

    @Override
    public ToolCommand command(TrialPlan plan, Path directory) throws LoadException {
        List<String> argv = new ArrayList<>(settings.command().isEmpty() ? List.of("k6") : settings.command());
        argv.addAll(List.of("run", "--out", "json=" + directory.resolve(OUTPUT).toAbsolutePath(),
                "--summary-export", directory.resolve(SUMMARY).toAbsolutePath().toString()));
        Map<String, String> trial = ToolEnvironment.of(plan, profile);
        trial.forEach((k, v) -> {
            argv.add("-e");
            argv.add(k + "=" + v);
        });
        argv.addAll(settings.args());
        argv.add(settings.script().toAbsolutePath().toString());
        // <scriptProperties> reach __ENV through the process environment only (k6 run includes it unless
        // --include-system-env-vars=false): a command line is visible to every user of the machine, and they may be
        // secrets
        Map<String, String> env = new LinkedHashMap<>(trial);
        new TreeMap<>(settings.properties()).forEach(env::put);
        return new ToolCommand(argv, env, settings.script().toAbsolutePath().getParent(), List.of());
    }

    @Override
    public boolean completed(int exitCode) {
        return exitCode == 0 || exitCode == THRESHOLDS_CROSSED;
    }

    @Override
    public ImportedResults read(TrialPlan plan, Path directory) throws IOException {
        Path output = directory.resolve(OUTPUT);
        if (!Files.exists(output)) {
            throw new NoSuchFileException(output + " is missing: k6 wrote no --out json file (did the script's "
                    + "options or <scriptArgs> replace --out, or did k6 stop before the test started?)");
        }
        ImportedResults results = new K6JsonImporter().read(output);
        Path summaryFile = directory.resolve(SUMMARY);
        if (!Files.exists(summaryFile)) {
            results.warn("k6 wrote no " + SUMMARY + " (a handleSummary() in the script replaces --summary-export): "
                    + "the request count could not be cross-checked");
            return results;
        }
        K6Summary summary = new K6SummaryImporter().read(summaryFile);
        long http = results.requests();
        if (summary.httpReqs() >= 0 && summary.httpReqs() != http) {
            results.flag("k6's summary counts " + summary.httpReqs() + " requests but its JSON output holds "
                    + http + " http_req_duration points: points were lost (see " + output + ")");
        }
        if (!summary.failed().isEmpty()) {
            results.warn("k6's own thresholds were crossed (perfgate's gates decide, not k6's): "
                    + summary.failed().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        return results;
    }

    @Override
    public String installHint() {
        return "install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/ : Grafana's Debian/RPM "
                + "repository, Homebrew, winget, or the release binary), or set <scriptCommand> to its path";
    }
}
