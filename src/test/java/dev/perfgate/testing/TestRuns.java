package dev.perfgate.testing;

import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.HistogramCodec;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.LatencySummary;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.MergedResult;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Small, exact RunResults for gate and report tests: latencies are recorded into real histograms. */
public final class TestRuns {
    public static final String HASH = "a1b2c3d4e5f6a7b8c9d0";

    private final List<Map<String, Req>> trials = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private String hash = HASH;
    private boolean jfr;
    private String model = "open";
    private double seconds = 10;
    private int cores = 2;
    private String javaVersion = "17.0.12";

    /** Latencies (microseconds) and errors of one request name in one trial. */
    public record Req(long[] micros, long errors) {
    }

    /** {@code trials} trials of one request, 200 requests each at a constant latency. */
    public static RunResult constantRun(int trials, String request, long micros) {
        return run().trials(trials, request, req(constant(200, micros))).build();
    }

    public static TestRuns run() {
        return new TestRuns();
    }

    /** n values evenly spread over [fromMicros, toMicros]. */
    public static long[] spread(int n, long fromMicros, long toMicros) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = n == 1 ? fromMicros : fromMicros + (toMicros - fromMicros) * i / (n - 1);
        }
        return v;
    }

    public static long[] constant(int n, long micros) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, micros);
        return v;
    }

    public static Req req(long[] micros) {
        return new Req(micros, 0);
    }

    public static Req req(long[] micros, long errors) {
        return new Req(micros, errors);
    }

    /** The millisecond value a histogram reports for a recorded value (its highest equivalent value). */
    public static double reported(long micros) {
        return Latencies.millis(Latencies.newHistogram().highestEquivalentValue(micros));
    }

    public TestRuns trial(String name, Req req) {
        Map<String, Req> t = new LinkedHashMap<>();
        t.put(name, req);
        trials.add(t);
        return this;
    }

    public TestRuns trial(Map<String, Req> byName) {
        trials.add(new LinkedHashMap<>(byName));
        return this;
    }

    /** The same request in {@code n} identical trials. */
    public TestRuns trials(int n, String name, Req req) {
        for (int i = 0; i < n; i++) {
            trial(name, req);
        }
        return this;
    }

    public TestRuns hash(String hash) {
        this.hash = hash;
        return this;
    }

    public TestRuns jfr(boolean on) {
        this.jfr = on;
        return this;
    }

    public TestRuns model(String model) {
        this.model = model;
        return this;
    }

    public TestRuns seconds(double seconds) {
        this.seconds = seconds;
        return this;
    }

    public TestRuns cores(int cores) {
        this.cores = cores;
        return this;
    }

    public TestRuns javaVersion(String version) {
        this.javaVersion = version;
        return this;
    }

    public TestRuns flag(String flag) {
        flags.add(flag);
        return this;
    }

    public RunResult build() {
        List<TrialResult> results = new ArrayList<>();
        Map<String, Histogram> mergedByName = new TreeMap<>();
        Map<String, long[]> countsByName = new TreeMap<>(); // count, errors
        Histogram mergedAll = Latencies.newHistogram();
        long allCount = 0;
        long allErrors = 0;
        int number = 0;
        long start = 1_700_000_000_000L;
        for (Map<String, Req> trial : trials) {
            number++;
            Map<String, RequestStats> stats = new TreeMap<>();
            Map<String, String> histograms = new TreeMap<>();
            Histogram all = Latencies.newHistogram();
            long tCount = 0;
            long tErrors = 0;
            for (var e : trial.entrySet()) {
                Histogram h = histogram(e.getValue().micros());
                all.add(h);
                mergedByName.computeIfAbsent(e.getKey(), k -> Latencies.newHistogram()).add(h);
                long[] c = countsByName.computeIfAbsent(e.getKey(), k -> new long[2]);
                c[0] += h.getTotalCount();
                c[1] += e.getValue().errors();
                stats.put(e.getKey(), stats(h, e.getValue().errors(), seconds));
                histograms.put(e.getKey(), HistogramCodec.encode(h));
                tCount += h.getTotalCount();
                tErrors += e.getValue().errors();
            }
            histograms.put(RunResult.ALL, HistogramCodec.encode(all));
            mergedAll.add(all);
            allCount += tCount;
            allErrors += tErrors;
            long s = start + number * 60_000L;
            results.add(new TrialResult(number, s, s + (long) (seconds * 1000), seconds, tCount, tCount, 0.2,
                    stats(all, tErrors, seconds), stats, histograms, List.of(), List.of(), null, null));
        }
        double total = seconds * trials.size();
        Map<String, MergedResult> requests = new TreeMap<>();
        for (var e : mergedByName.entrySet()) {
            requests.put(e.getKey(), merged(e.getValue(), countsByName.get(e.getKey())[1], total));
        }
        MergedResult overall = merged(mergedAll, allErrors, total);
        List<Map<String, Object>> mix = new ArrayList<>();
        for (String name : mergedByName.keySet()) {
            String[] parts = name.split(" ", 2);
            mix.add(Map.of("name", name, "method", parts[0], "path", parts.length > 1 ? parts[1] : "/",
                    "weight", 1));
        }
        LoadInfo load = new LoadInfo(model, 100, 2, seconds, 5, trials.size(), 4, mix, null, hash);
        EnvironmentFingerprint env = new EnvironmentFingerprint("Linux 6.1", "amd64", "Test CPU @ 2.0GHz", cores,
                8L << 30, "Eclipse Adoptium", javaVersion, List.of("-Xmx512m"));
        JfrInfo jfrInfo = jfr ? new JfrInfo(true, "profile", List.of("-XX:StartFlightRecording=settings=profile"))
                : JfrInfo.off();
        return new RunResult(RunResult.SCHEMA_VERSION, "run", "0.1.0-SNAPSHOT", "2026-01-15T10:00:00Z",
                "0123456789abcdef0123456789abcdef01234567", env, load, jfrInfo, results, overall, requests, flags);
    }

    private static Histogram histogram(long[] micros) {
        Histogram h = Latencies.newHistogram();
        for (long v : micros) {
            h.recordValue(v);
        }
        return h;
    }

    private static RequestStats stats(Histogram h, long errors, double seconds) {
        long count = h.getTotalCount();
        double rate = count == 0 ? 0 : (double) errors / count;
        double throughput = Math.round((count - errors) / seconds * 100.0) / 100.0;
        return new RequestStats(count, errors, errors == 0 ? Map.of() : Map.of("http-5xx", errors), rate,
                throughput, LatencySummary.of(h), LatencySummary.of(h));
    }

    private static MergedResult merged(Histogram h, long errors, double seconds) {
        String encoded = HistogramCodec.encode(h);
        return new MergedResult(stats(h, errors, seconds), encoded, encoded);
    }
}
