package dev.perfgate.load;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
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
 * timeout (s), gapMicros (pacer gap).
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
        double gapMicros = Double.parseDouble(o.getOrDefault("gapMicros",
                Double.toString(NettyLoadEngine.DEFAULT_PACER_GAP.toNanos() / 1e3)));

        LoadProfile profile = new LoadProfile(model, rate, Duration.ZERO, seconds(duration), seconds(warmup),
                trials, connections, seconds(timeout), Duration.ofMillis(5));
        RequestSpec spec = new RequestSpec("GET " + path, "GET", path, Map.of(), null, 1, List.of(), List.of(),
                List.of());
        LoadDefinition load = new LoadDefinition(List.of(spec), profile, null);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "engine benchmark: %s model=%s rate=%s connections=%d duration=%.0fs "
                + "loops=%d pacerGap=%.0fus java=%s maxHeap=%dMB%n", full, model, model == LoadModel.OPEN ? rate : "-",
                connections, duration, loops, gapMicros, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        try (NettyLoadEngine engine = new NettyLoadEngine(loops, Duration.ofNanos((long) (gapMicros * 1e3)))) {
            if (warmup > 0) {
                engine.run(new TrialPlan(0, base, load, seconds(warmup), null, null));
                System.out.printf(Locale.ROOT, "warm-up %.0f s done; heap after GC %.1f MB%n", warmup, heapAfterGc());
            }
            long totalRequests = 0;
            for (int t = 1; t <= trials; t++) {
                long[] proc0 = procUserSysTicks();
                Map<String, Long> threads0 = threadCpu();
                long cpu0 = os.getProcessCpuTime();
                long gc0 = gcMillis();
                long wall0 = System.nanoTime();
                TrialRecording r = engine.run(new TrialPlan(t, base, load, seconds(duration), null, null));
                double wall = (System.nanoTime() - wall0) / 1e9;
                long cpu = os.getProcessCpuTime() - cpu0;
                long[] proc1 = procUserSysTicks();
                Map<String, Long> threads1 = threadCpu();
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
                    System.out.printf(Locale.ROOT, "  send lag while idle ms: p10=%.3f p25=%.3f p50=%.3f p90=%.3f p99=%.3f "
                            + "p99.9=%.3f max=%.3f (n=%d)%n", ms(lag, 10), ms(lag, 25), ms(lag, 50), ms(lag, 90), ms(lag, 99), ms(lag, 99.9),
                            lag.getMaxValue() / 1e3, lag.getTotalCount());
                }
                System.out.printf(Locale.ROOT, "  user=%.2f s sys=%.2f s (from /proc/self/stat)%n",
                        (proc1[0] - proc0[0]) / 100.0, (proc1[1] - proc0[1]) / 100.0);
                StringBuilder perThread = new StringBuilder("  cpu by thread (s):");
                threads1.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() > 10_000_000L)
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                        .forEach(e -> perThread.append(String.format(Locale.ROOT, " %s=%.2f", e.getKey(),
                                e.getValue() / 1e9)));
                System.out.println(perThread);
                Map<ErrorKind, Long> errors = all.errors();
                System.out.printf(Locale.ROOT, "  errors=%s flags=%s%n", errors, r.flags());
                System.out.printf(Locale.ROOT, "  heap after GC %.1f MB after %d requests in this JVM's trials%n",
                        heapAfterGc(), totalRequests);
            }
        }
    }

    /** user and system CPU of this process in clock ticks (1/100 s), or zeros where /proc is missing. */
    private static long[] procUserSysTicks() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (Exception e) {
            return new long[2];
        }
    }

    /** CPU time by thread name (threads of one name added up: GC and compiler threads). */
    private static Map<String, Long> threadCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    byName.merge(info.getThreadName().replaceAll("[0-9#]+", "N").replace(' ', '_'), t, Long::sum);
                }
            }
        }
        return byName;
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
