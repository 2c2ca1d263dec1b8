package dev.perfgate.run;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.ResultFileException;
import dev.perfgate.imports.ResultFormat;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.util.BuildLog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns result files a load generator wrote elsewhere into run.json, one trial per group of files (one file per
 * generator host, merged: histograms are added, never their percentiles averaged), so perfgate:check gates them as
 * it gates a measurement.
 *
 * <p>perfgate did not see the load, so the run records what it can: the format, the files' names, the trials' time
 * spans. Its load hash covers the format and the trial length, so an imported run is compared only with baselines
 * imported the same way; that the generators sent the same load is the user's to ensure.
 */
public final class ResultImport {

    /**
     * @param trials          per trial, the files to merge into it
     * @param format          how to read them; null to tell each file's format from its extension
     * @param duration        each trial's measured length, for throughput; null to take it from the data's time span
     * @param pluginVersion   recorded in run.json
     * @param projectDirectory for the git commit; may be null
     * @param outputDirectory where run.json goes
     */
    public record Plan(List<List<Path>> trials, ResultFormat format, Duration duration, String pluginVersion,
            File projectDirectory, Path outputDirectory) {
        public Plan {
            trials = trials.stream().map(List::copyOf).toList();
            Objects.requireNonNull(outputDirectory, "outputDirectory");
        }
    }

    private ResultImport() {
    }

    /**
     * Reads every trial's files and writes run.json.
     *
     * @throws MeasurementException one line naming the file (and line) at fault, or the trial without requests
     */
    public static RunResult run(Plan plan, BuildLog log) throws MeasurementException {
        if (plan.trials().isEmpty()) {
            throw new MeasurementException("nothing to import: give at least one trial's files");
        }
        List<String> problems = new ArrayList<>();
        List<ResultFormat> formats = new ArrayList<>();
        for (List<Path> files : plan.trials()) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    problems.add(file + " does not exist");
                    continue;
                }
                ResultFormat format = plan.format() != null ? plan.format()
                        : ResultFormat.detect(file).orElse(null);
                if (format == null) {
                    problems.add(file + ": cannot tell its format from the name; set importFormat to one of "
                            + ResultFormat.ids());
                } else if (!formats.contains(format)) {
                    formats.add(format);
                }
            }
        }
        if (formats.size() > 1) {
            problems.add("the files are of several formats (" + String.join(", ", formats.stream()
                    .map(ResultFormat::id).toList()) + "); import one format per run");
        }
        if (!problems.isEmpty()) {
            throw new MeasurementException("cannot import: " + String.join("; ", problems));
        }
        ResultFormat format = formats.get(0);
        Path out = plan.outputDirectory();
        Measurement.prepare(out);
        RunAssembler assembler = new RunAssembler();
        double totalSeconds = 0;
        for (int i = 0; i < plan.trials().size(); i++) {
            TrialRecording trial = trial(i + 1, plan.trials().get(i), format, plan.duration());
            assembler.add(trial, out, null);
            totalSeconds += trial.measuredSeconds();
            log.info("trial " + (i + 1) + ": " + trial.overall().requests() + " requests from "
                    + plan.trials().get(i).size() + " file(s) over " + String.format(java.util.Locale.ROOT, "%.1f",
                    trial.measuredSeconds()) + " s");
            trial.flags().forEach(f -> log.warn("trial " + trial.trial() + " is not a valid measurement: "
                    + f));
        }
        double seconds = totalSeconds / plan.trials().size();
        RunResult run = assembler.build(plan.pluginVersion(), Instant.now().toString(),
                plan.projectDirectory() == null ? null : GitInfo.headCommit(plan.projectDirectory()),
                environment(), load(format, plan, seconds), JfrInfo.off());
        try {
            RunJson.write(out.resolve(Measurement.RUN_FILE), run);
        } catch (IOException e) {
            throw new MeasurementException("cannot write " + out.resolve(Measurement.RUN_FILE) + ": "
                    + e.getMessage(), e);
        }
        return run;
    }

    private static TrialRecording trial(int number, List<Path> files, ResultFormat format, Duration duration)
            throws MeasurementException {
        ImportedResults merged = new ImportedResults();
        for (Path file : files) {
            try {
                merged.merge(format.read(file));
            } catch (ResultFileException e) {
                throw new MeasurementException("cannot import trial " + number + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MeasurementException("cannot read " + file + " (trial " + number + "): "
                        + e.getMessage(), e);
            }
        }
        if (merged.requests() == 0) {
            throw new MeasurementException("trial " + number + " (" + names(files) + ") holds no "
                    + "requests; a run without data cannot pass a gate");
        }
        long start = merged.firstEpochMillis().orElse(0);
        long end = merged.lastEpochMillis().orElse(0);
        double seconds;
        if (duration != null) {
            seconds = duration.toMillis() / 1000.0;
        } else if (end > start) {
            seconds = (end - start) / 1000.0;
        } else {
            throw new MeasurementException("trial " + number + " (" + names(files) + ") has no time span "
                    + "to compute throughput from; set importDuration to the trial's length, e.g. 30s");
        }
        merged.warn("imported from " + names(files) + " (" + format.id() + "): measured elsewhere");
        return merged.toTrial(number, format.model(), start, end, seconds);
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(Path::toString).toList());
    }

    private static LoadInfo load(ResultFormat format, Plan plan, double seconds) {
        Map<String, Object> external = new TreeMap<>();
        external.put("tool", "import");
        external.put("source", format.id());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("external", external);
        identity.put("durationMillis", plan.duration() == null ? "from the data" : plan.duration().toMillis());
        String hash = LoadInfos.sha256(RunJson.toJson(identity));
        int n = plan.trials().size();
        return new LoadInfo(format.model().name().toLowerCase(java.util.Locale.ROOT), 0, 0, seconds, 0, n, n, n,
                false, 0, List.of(), null, hash, external);
    }

    private static EnvironmentFingerprint environment() {
        JavaRuntimeProbe.JavaRuntime java = JavaRuntimeProbe.current();
        return EnvironmentFingerprint.current(java.vendor(), java.version(), List.of());
    }
}
