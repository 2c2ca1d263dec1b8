package dev.perfgate.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark, not a test (docs/perf/jfr.md): how fast {@link ProfileAnalyzer} reads a recording, against
 * {@code jfr summary} on the same file in the same run, alternating, several rounds.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.profile.JfrAnalysisSpeed
 *     FILE.jfr [rounds]</pre>
 *
 * <p>{@code jfr summary} runs as its own process, so its time includes a JVM start; {@code jfr version} is timed
 * too, to show how much of it that is. Our analyzer runs in this JVM after one unmeasured pass (as in a build, where
 * the JIT has compiled the reader by the second trial's file at the latest; the first pass is reported too).
 */
public final class JfrAnalysisSpeed {
    private JfrAnalysisSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double mb = Files.size(file) / 1e6;
        Path jfr = Paths.get(System.getProperty("java.home"), "bin", "jfr");
        System.out.printf(Locale.ROOT, "file %s: %.1f MB; %s%n", file, mb, System.getProperty("java.version"));
        long t0 = System.nanoTime();
        ProfileSummary first = ProfileAnalyzer.analyze(file, null, null);
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "first (cold) analyzer pass: %.2f s = %.1f MB/s (%d CPU samples)%n",
                firstSeconds, mb / firstSeconds, first.javaSamples());
        List<Double> ours = new ArrayList<>();
        List<Double> summary = new ArrayList<>();
        List<Double> startup = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            long a = System.nanoTime();
            ProfileAnalyzer.analyze(file, null, null);
            ours.add((System.nanoTime() - a) / 1e9);
            summary.add(time(List.of(jfr.toString(), "summary", file.toString())));
            startup.add(time(List.of(jfr.toString(), "version")));
            System.out.printf(Locale.ROOT, "round %d: analyzer %.2f s (%.1f MB/s), jfr summary %.2f s (%.1f MB/s), "
                    + "jfr version %.2f s%n", r, ours.get(r - 1), mb / ours.get(r - 1), summary.get(r - 1),
                    mb / summary.get(r - 1), startup.get(r - 1));
        }
        double o = median(ours);
        double s = median(summary);
        double v = median(startup);
        System.out.printf(Locale.ROOT, "median of %d rounds: analyzer %.2f s = %.1f MB/s; jfr summary %.2f s = %.1f "
                + "MB/s (%.1f MB/s without its %.2f s JVM start)%n", rounds, o, mb / o, s, mb / s,
                mb / Math.max(1e-3, s - v), v);
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("failed: " + command);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
