package dev.perfgate.load;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A benchmark of the engine itself (not a test): runs NettyLoadEngine against a URL and prints throughput, the
 * process's CPU time per request, heap and latency figures. See docs/perf/engine.md.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.load.EngineBenchmark \
 *     url=http://127.0.0.1:8080/index.html model=closed connections=32 duration=10 warmup=5 trials=1 loops=1
 * </pre>
 * Options (key=value): url, model (open|closed), rate, connections, duration (s), warmup (s), trials, loops,
 * timeout (s).
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        URI full = URI.create(o.getOrDefault("url", "http://127.0.0.1:8080/index.html"));
        URI base = URI.create(full.getScheme() + "://" + full.getRawAuthority());
        String path = full.getRawPath() == null || full.getRawPath().isEmpty() ? "/" : full.getRawPath();
        LoadModel model = LoadModel.valueOf(o.getOrDefault("model", "open").toUpperCase(Locale.ROOT));
        double rate = Double.parseDouble(o.getOrDefault("rate", "2000"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "32"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "10"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "5"));
        int trials = Integer.parseInt(o.getOrDefault("trials", "1"));
        int loops = Integer.parseInt(o.getOrDefault("loops", "1"));
        double timeout = Double.parseDouble(o.getOrDefault("timeout", "5"));

        LoadProfile profile = new LoadProfile(model, rate, Duration.ZERO, seconds(duration), seconds(warmup),
                trials, connections, seconds(timeout), Duration.ofMillis(5));
        RequestSpec spec = new RequestSpec("GET " + path, "GET", path, Map.of(), null, 1, List.of(), List.of(),
                List.of());
        LoadDefinition load = new LoadDefinition(List.of(spec), profile, null);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "engine benchmark: %s model=%s rate=%s connections=%d duration=%.0fs "
                + "loops=%d java=%s maxHeap=%dMB%n", full, model, model == LoadModel.OPEN ? rate : "-", connections,
                duration, loops, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        try (NettyLoadEngine engine = new NettyLoadEngine(loops)) {
            if (warmup > 0) {
                engine.run(new TrialPlan(0, base, load, seconds(warmup), null, null));
                System.out.printf(Locale.ROOT, "warm-up %.0f s done; heap after GC %.1f MB%n", warmup, heapAfterGc());
            }
            long totalRequests = 0;
            for (int t = 1; t <= trials; t++) {
                long cpu0 = os.getProcessCpuTime();
                long gc0 = gcMillis();
                long wall0 = System.nanoTime();
                TrialRecording r = engine.run(new TrialPlan(t, base, load, seconds(duration), null, null));
                double wall = (System.nanoTime() - wall0) / 1e9;
                long cpu = os.getProcessCpuTime() - cpu0;
                long gc = gcMillis() - gc0;
                RequestRecording all = r.overall();
                long n = all.requests();
                totalRequests += n;
                Histogram c = all.corrected();
                Histogram u = all.uncorrected();
                Histogram lag = r.sendLagWhileIdle();
                System.out.printf(Locale.ROOT, "trial %d: scheduled=%d sent=%d requests=%d throughput=%.0f req/s "
                        + "(wall %.2f s incl. drain)%n", t, r.scheduled(), r.sent(), n, n / r.measuredSeconds(),
                        wall);
                System.out.printf(Locale.ROOT, "  cpu=%.2f s (%.1f%% of one core over the wall time) "
                        + "cpu/request=%.2f us gc=%d ms%n", cpu / 1e9, 100.0 * cpu / 1e9 / wall,
                        n == 0 ? 0 : cpu / 1e3 / n, gc);
                System.out.printf(Locale.ROOT, "  corrected ms: p50=%.3f p99=%.3f p99.9=%.3f max=%.3f | "
                        + "uncorrected p99=%.3f%n", ms(c, 50), ms(c, 99), ms(c, 99.9), c.getMaxValue() / 1e3,
                        ms(u, 99));
                if (lag.getTotalCount() > 0) {
                    System.out.printf(Locale.ROOT, "  send lag while idle ms: p50=%.3f p90=%.3f p99=%.3f "
                            + "p99.9=%.3f max=%.3f (n=%d)%n", ms(lag, 50), ms(lag, 90), ms(lag, 99), ms(lag, 99.9),
                            lag.getMaxValue() / 1e3, lag.getTotalCount());
                }
                Map<ErrorKind, Long> errors = all.errors();
                System.out.printf(Locale.ROOT, "  errors=%s flags=%s%n", errors, r.flags());
                System.out.printf(Locale.ROOT, "  heap after GC %.1f MB after %d requests in this JVM's trials%n",
                        heapAfterGc(), totalRequests);
            }
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static double ms(Histogram h, double q) {
        return h.getValueAtPercentile(q) / 1e3;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static double heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
