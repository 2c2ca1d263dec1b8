package dev.perfgate.run;

import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.HistogramCodec;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.LatencySummary;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.MergedResult;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's trial recordings into the stored run: per-trial figures plus, per request name, the merged
 * distribution of all trials. Merging adds histograms; percentiles of trials are never averaged.
 */
public final class RunAssembler {
    private final List<TrialResult> trials = new ArrayList<>();
    private final Map<String, RequestRecording> mergedByRequest = new LinkedHashMap<>();
    private final RequestRecording mergedOverall = new RequestRecording();
    private final List<String> flags = new ArrayList<>();
    private double measuredSeconds;

    /**
     * @param recording a measured trial (not the warm-up)
     * @param runDirectory directory that file names are made relative to
     * @param jfrFile the trial's profile, or null
     */
    public TrialResult add(TrialRecording recording, Path runDirectory, Path jfrFile) {
        Map<String, RequestStats> stats = new LinkedHashMap<>();
        Map<String, String> histograms = new LinkedHashMap<>();
        RequestRecording overall = recording.overall();
        recording.byRequest().forEach((name, rec) -> {
            stats.put(name, rec.stats(recording.measuredSeconds()));
            histograms.put(name, HistogramCodec.encode(rec.corrected()));
            mergedByRequest.computeIfAbsent(name, n -> new RequestRecording()).add(rec);
        });
        histograms.put(RunResult.ALL, HistogramCodec.encode(overall.corrected()));
        mergedOverall.add(overall);
        measuredSeconds += recording.measuredSeconds();
        for (String flag : recording.flags()) {
            flags.add("trial " + recording.trial() + ": " + flag);
        }
        double lagP99 = recording.sendLagWhileIdle() == null || recording.sendLagWhileIdle().getTotalCount() == 0
                ? 0 : LatencySummary.percentileMillis(recording.sendLagWhileIdle(), 99);
        TrialResult trial = new TrialResult(recording.trial(), recording.startEpochMillis(),
                recording.endEpochMillis(), recording.measuredSeconds(), recording.scheduled(), recording.sent(),
                lagP99, overall.stats(recording.measuredSeconds()), stats, histograms,
                recording.flags(), recording.warnings(), relative(runDirectory, recording.intervalLog()),
                relative(runDirectory, jfrFile));
        trials.add(trial);
        return trial;
    }

    /** A problem of the whole run that makes it an invalid measurement. */
    public void flag(String problem) {
        flags.add(problem);
    }

    /**
     * The run as measured so far. Callable any number of times (an interim result between trials, then the final
     * one): it reads the trials added until now and changes nothing.
     */
    public RunResult build(String pluginVersion, String createdAt, String gitCommit, EnvironmentFingerprint env,
            LoadInfo load, JfrInfo jfr) {
        Map<String, MergedResult> requests = new LinkedHashMap<>();
        mergedByRequest.forEach((name, rec) -> requests.put(name, merged(rec)));
        List<String> runFlags = new ArrayList<>(flags);
        if (trials.isEmpty()) {
            runFlags.add("no trial was measured");
        }
        return new RunResult(RunResult.SCHEMA_VERSION, "run", pluginVersion, createdAt, gitCommit, env, load, jfr,
                trials, merged(mergedOverall), requests, runFlags);
    }

    public int trialCount() {
        return trials.size();
    }

    private MergedResult merged(RequestRecording rec) {
        return new MergedResult(rec.stats(measuredSeconds), HistogramCodec.encode(rec.corrected()),
                HistogramCodec.encode(rec.uncorrected()));
    }

    private static String relative(Path dir, Path file) {
        if (file == null) {
            return null;
        }
        try {
            return dir.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
