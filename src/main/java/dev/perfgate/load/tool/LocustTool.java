package dev.perfgate.load.tool;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.LocustOutput;
import dev.perfgate.imports.LocustSamplesImporter;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.result.LoadModel;
import dev.perfgate.service.PortAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs a locustfile headless, once per trial: {@code -u} users (the pom's connections), spawned over the ramp-up,
 * for the trial's duration, against the service's URL ({@code -H}). The user's file runs unchanged beside a second
 * locustfile of perfgate's that records every response time exactly (see {@code perfgate_locustfile.py}); with
 * workers, Locust's own master/worker mode carries those samples to the master with its stats reports.
 */
final class LocustTool implements LoadTool {
    static final String WRAPPER = "perfgate_locustfile.py";
    static final String SAMPLES = "samples.json";
    static final String CSV_PREFIX = "locust";
    /** Locust's warning that its own process, not the service, was the bottleneck. */
    static final String CPU_WARNING = "CPU usage above 90%";

    private final ScriptSettings settings;
    private final LoadProfile profile;

    LocustTool(ScriptSettings settings, LoadProfile profile) {
        this.settings = settings;
        this.profile = profile;
    }

    @Override
    public String name() {
        return "Locust";
    }

    @Override
    public LoadModel model() {
        return LoadModel.CLOSED;
    }

    @Override
    public String timing() {
        return "are Locust's, timed from the actual send by " + profile.connections() + " users (a closed model): "
                + "not corrected for coordinated omission, so corrected and uncorrected are the same; recorded "
                + "exactly, to the microsecond, by perfgate's listener";
    }

    @Override
    public ToolCommand command(TrialPlan plan, Path directory) throws LoadException {
        Path wrapper = directory.resolve(WRAPPER);
        try (InputStream in = LocustTool.class.getResourceAsStream(WRAPPER)) {
            if (in == null) {
                throw new LoadException("perfgate's Locust wrapper " + WRAPPER + " is missing from the plugin jar");
            }
            Files.copy(in, wrapper);
        } catch (IOException e) {
            throw new LoadException("cannot write " + wrapper + ": " + e.getMessage(), e);
        }
        List<String> base = new ArrayList<>(settings.command().isEmpty() ? List.of("locust") : settings.command());
        base.add("-f");
        // Locust loads both files: the user's classes from theirs, perfgate's listeners from the wrapper
        base.add(settings.script().toAbsolutePath() + "," + wrapper);
        int users = profile.connections();
        List<String> argv = new ArrayList<>(base);
        argv.addAll(List.of("--headless", "-u", Integer.toString(users), "-r", spawnRate(users),
                "-t", seconds(plan.duration()) + "s", "-H", plan.baseUrl().toString(),
                "--csv", directory.resolve(CSV_PREFIX).toString(), "--only-summary",
                // failed requests are data, not a failed run: any other exit code means Locust itself failed
                "--exit-code-on-error", "0",
                // let in-flight requests finish when the time is up: unfinished requests must not vanish
                "--stop-timeout", Long.toString(seconds(profile.requestTimeout()))));
        List<List<String>> workers = new ArrayList<>();
        if (settings.workers() > 0) {
            int port = PortAllocator.freePort();
            argv.addAll(List.of("--master", "--master-bind-host", "127.0.0.1", "--master-bind-port",
                    Integer.toString(port), "--expect-workers", Integer.toString(settings.workers()),
                    "--expect-workers-max-wait", "60"));
            for (int i = 0; i < settings.workers(); i++) {
                List<String> worker = new ArrayList<>(base);
                worker.addAll(List.of("--worker", "--master-host", "127.0.0.1", "--master-port",
                        Integer.toString(port)));
                workers.add(worker);
            }
        }
        argv.addAll(settings.args());
        Map<String, String> env = new LinkedHashMap<>(ToolEnvironment.of(plan, profile));
        settings.properties().forEach(env::put);
        env.put("PERFGATE_SAMPLES", directory.resolve(SAMPLES).toString());
        Path scriptDirectory = settings.script().toAbsolutePath().getParent();
        return new ToolCommand(argv, env, scriptDirectory, workers);
    }

    /** All users at once (within a second) without a ramp-up; otherwise spread over it. */
    private String spawnRate(int users) {
        double ramp = profile.rampUp().toMillis() / 1000.0;
        return ramp <= 0 ? Integer.toString(users) : Double.toString(users / ramp);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    @Override
    public boolean completed(int exitCode) {
        return exitCode == 0;
    }

    @Override
    public ImportedResults read(TrialPlan plan, Path directory) throws IOException {
        Path samples = directory.resolve(SAMPLES);
        ImportedResults results;
        try {
            results = LocustSamplesImporter.read(samples);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(samples + " is missing: Locust quit before perfgate's listener could "
                    + "write it");
        }
        String output = Files.readString(directory.resolve("output.log"));
        OptionalLong counted = LocustOutput.aggregatedRequests(output);
        if (counted.isEmpty()) {
            results.warn("Locust printed no final Aggregated count to check perfgate's samples against");
        } else if (counted.getAsLong() != results.requests()) {
            results.flag("Locust counted " + counted.getAsLong() + " requests, but perfgate's listener recorded "
                    + results.requests() + ": samples were lost on the way (see " + directory.resolve("output.log")
                    + ")");
        }
        if (output.contains(CPU_WARNING)) {
            results.flag("Locust's own CPU passed 90 % (\"" + CPU_WARNING + "\" in its output): the generator, "
                    + "not the service, may have limited the load; give it <scriptWorkers> or fewer users");
        }
        return results;
    }

    @Override
    public String installHint() {
        return "install Locust (Debian/Ubuntu: apt-get install python3-locust; elsewhere: pip install locust), or "
                + "set <scriptCommand> to its executable, e.g. python3 -m locust";
    }
}
