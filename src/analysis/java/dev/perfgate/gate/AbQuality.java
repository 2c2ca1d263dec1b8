package dev.perfgate.gate;

import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.run.AbPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Not a test: the analysis behind docs/perf/ab-quality.md. Reads the interleaved A/B builds collected by
 * docs/perf/ab-quality.sh (run.json + ab-baseline.json per build) and prints Markdown tables: the pairs' noise, the
 * real builds' paired decisions at several margins, and a simulation of many more comparisons drawn from the
 * measured A/A pair ratios (with a known shift added for power), all decided by the plugin's own RelativeCheck.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.gate.AbQuality target/ab-quality</pre>
 */
public final class AbQuality {
    private static final double ALPHA = DecisionSettings.DEFAULT_ALPHA;
    private static final double[] MARGINS = {0.0, 0.01, 0.02, 0.05, 0.10};
    private static final int SIMULATED = 2_000;
    private static final List<DecisionQuality.Series> SERIES = List.of(
            new DecisionQuality.Series("p50 of GET /search", "GET /search", Metric.of("p50")),
            new DecisionQuality.Series("p95 of GET /search", "GET /search", Metric.of("p95")),
            new DecisionQuality.Series("p99 of GET /search", "GET /search", Metric.of("p99")),
            new DecisionQuality.Series("p95 of all requests", null, Metric.of("p95")),
            new DecisionQuality.Series("throughput of all requests", null, Metric.of("throughput")));

    record Pairs(Path dir, RunResult candidate, RunResult baseline) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/ab-quality");
        List<String> labels;
        try (Stream<Path> dirs = Files.list(root)) {
            labels = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        List<Pairs> aa = pairs(root.resolve("aa"));
        System.out.printf(Locale.ROOT, "%d A/A builds; also: %s%n%n", aa.size(), labels);

        System.out.println("## Noise of one pair (sd of the log ratio candidate/baseline, shown as %)\n");
        System.out.println("| series | pairs/build | sd within a build | sd of the builds' median ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (DecisionQuality.Series s : SERIES) {
            List<Double> within = new ArrayList<>();
            List<Double> medians = new ArrayList<>();
            int n = 0;
            for (Pairs p : aa) {
                double[] d = logRatios(s, p);
                n = d.length;
                within.add(sd(d));
                medians.add(median(d));
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% |%n", s.label(), n,
                    100 * Math.expm1(MetricValues.median(within)), 100 * Math.expm1(sd(toArray(medians))));
        }

        for (String label : labels) {
            List<Pairs> builds = pairs(root.resolve(label));
            if (builds.isEmpty()) {
                continue; // e.g. the cost measurements' logs
            }
            System.out.printf(Locale.ROOT, "%n## Real builds: %s (%d builds), share that FAIL at each margin%n%n",
                    label, builds.size());
            System.out.println("| series | median ratio | " + String.join(" | ", margins()) + " |");
            System.out.println("|---|---:|" + "---:|".repeat(MARGINS.length));
            for (DecisionQuality.Series s : SERIES) {
                StringBuilder row = new StringBuilder("| " + s.label() + " | ");
                List<Double> ratios = new ArrayList<>();
                for (Pairs p : builds) {
                    ratios.add(Math.exp(median(logRatios(s, p))));
                }
                row.append(String.format(Locale.ROOT, "%.3f", MetricValues.median(ratios)));
                for (double margin : MARGINS) {
                    int fails = 0;
                    for (Pairs p : builds) {
                        if (decide(s, margin, s.values(p.candidate()), s.values(p.baseline())) == Status.FAIL) {
                            fails++;
                        }
                    }
                    row.append(String.format(Locale.ROOT, " | %d/%d", fails, builds.size()));
                }
                System.out.println(row + " |");
            }
        }

        minimumDetectableEffects(aa);

        System.out.printf(Locale.ROOT, "%n## Simulated from the A/A pair ratios (%d comparisons per cell, pairs of "
                + "one build drawn with replacement from all A/A pair ratios and their inverses), share that FAIL%n%n",
                SIMULATED);
        double[] shifts = {0, 0.02, 0.03, 0.05, 0.10};
        for (DecisionQuality.Series s : SERIES) {
            if (!s.metric().lowerIsBetter()) {
                continue; // the open model fixes the throughput: its pairs do not vary, so there is nothing to simulate
            }
            List<Double> pool = pool(s, aa);
            int n = logRatios(s, aa.get(0)).length;
            System.out.printf(Locale.ROOT, "%n%s (%d pairs per build, pool of %d pair ratios)%n%n", s.label(), n,
                    pool.size());
            System.out.println("| true change | " + String.join(" | ", margins()) + " |");
            System.out.println("|---|" + "---:|".repeat(MARGINS.length));
            for (double shift : shifts) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %+.0f %% |", 100 * shift));
                for (double margin : MARGINS) {
                    row.append(String.format(Locale.ROOT, " %.2f %% |",
                            100 * failShare(s, pool, n, shift, margin, SIMULATED)));
                }
                System.out.println(row);
            }
        }
    }

    /**
     * The smallest true slowdown a build fails in 80 % and in 95 % of comparisons at margin 0, for the default 15
     * pairs and for more, with each pair drawn from the A/A pool (pairs are independent replications, so a longer
     * build is more draws from the same pool). Power rises with the shift, so a bisection finds it.
     */
    private static void minimumDetectableEffects(List<Pairs> aa) {
        int[] pairCounts = {15, 30, 60, 120};
        System.out.printf(Locale.ROOT, "%n## Minimum detectable effect at margin 0 (simulated, %d comparisons per "
                + "point; the smallest slowdown FAILed in 80 %% / 95 %% of builds), and the share of an exact +5 %% "
                + "slowdown caught%n%n", MDE_SIMULATED);
        System.out.println("| series | pairs | MDE (80 %) | MDE (95 %) | +5 % caught |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (DecisionQuality.Series s : SERIES) {
            if (!s.metric().lowerIsBetter()) {
                continue; // the open model fixes the throughput: a slowdown does not move it
            }
            List<Double> pool = pool(s, aa);
            for (int n : pairCounts) {
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.1f %% |%n", s.label(), n,
                        mde(s, pool, n, 0.80), mde(s, pool, n, 0.95),
                        100 * failShare(s, pool, n, 0.05, 0.0, MDE_SIMULATED));
            }
        }
    }

    private static final int MDE_SIMULATED = 1_000;

    private static String mde(DecisionQuality.Series s, List<Double> pool, int pairs, double power) {
        double lo = 0;
        double hi = 1.0;
        if (failShare(s, pool, pairs, hi, 0.0, MDE_SIMULATED) < power) {
            return "> 100 %";
        }
        while (hi - lo > 0.0025) {
            double mid = (lo + hi) / 2;
            if (failShare(s, pool, pairs, mid, 0.0, MDE_SIMULATED) >= power) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return String.format(Locale.ROOT, "%.1f %%", 100 * hi);
    }

    /** The share of simulated builds of {@code pairs} pairs, each drawn from the A/A pool plus the shift, that FAIL. */
    private static double failShare(DecisionQuality.Series s, List<Double> pool, int pairs, double shift,
            double margin, int builds) {
        Random random = new Random(7);
        boolean higherIsWorse = s.metric().lowerIsBetter();
        int fails = 0;
        for (int k = 0; k < builds; k++) {
            List<Double> cand = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                double d = pool.get(random.nextInt(pool.size())) + (higherIsWorse ? 1 : -1) * Math.log1p(shift);
                cand.add(Math.exp(d));
                base.add(1.0);
            }
            if (decide(s, margin, cand, base) == Status.FAIL) {
                fails++;
            }
        }
        return (double) fails / builds;
    }

    /**
     * Every A/A pair's log ratio and its inverse: with the same code on both sides and the order randomised, a pair's
     * ratio is as likely r as 1/r, so the pool is the A/A null exactly, whatever its shape.
     */
    private static List<Double> pool(DecisionQuality.Series s, List<Pairs> aa) {
        List<Double> pool = new ArrayList<>();
        for (Pairs p : aa) {
            for (double x : logRatios(s, p)) {
                pool.add(x);
                pool.add(-x);
            }
        }
        return pool;
    }

    private static List<String> margins() {
        List<String> m = new ArrayList<>();
        for (double margin : MARGINS) {
            m.add("margin " + Math.round(100 * margin) + " %");
        }
        return m;
    }

    private static Status decide(DecisionQuality.Series s, double margin, List<Double> cand, List<Double> base) {
        Gate gate = new Gate(1, s.request(), s.metric(), null, null, margin, null);
        RelativeCheck check = new RelativeCheck(gate, RelativeCheck.Kind.REGRESSION, cand, base, true, ALPHA);
        return check.decide(ALPHA, HolmLevel.alone(check.failP(), DecisionSettings.DEFAULT), null).status();
    }

    private static double[] logRatios(DecisionQuality.Series s, Pairs p) {
        List<Double> c = s.values(p.candidate());
        List<Double> b = s.values(p.baseline());
        double[] d = new double[c.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.log(c.get(i) / b.get(i));
        }
        return d;
    }

    private static List<Pairs> pairs(Path dir) throws IOException {
        List<Pairs> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> runs = Files.list(dir)) {
            for (Path run : runs.sorted().toList()) {
                Path c = run.resolve("run.json");
                Path b = run.resolve(AbPlan.BASELINE_RUN_FILE);
                if (Files.exists(c) && Files.exists(b)) {
                    try {
                        out.add(new Pairs(run, RunJson.read(c), RunJson.read(b)));
                    } catch (dev.perfgate.result.RunFileException e) {
                        System.err.println("skipped " + run + ": " + e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    private static double median(double[] values) {
        return MetricValues.median(java.util.Arrays.stream(values).boxed().toList());
    }

    /** The sample standard deviation (n − 1). */
    private static double sd(double[] values) {
        return values.length < 2 ? Double.NaN : StandardDeviation.of(values).getAsDouble();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
