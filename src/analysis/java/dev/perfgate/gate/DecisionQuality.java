package dev.perfgate.gate;

import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Not a test: the analysis behind docs/perf/decision-quality.md. Reads the builds collected by
 * docs/perf/decision-quality.sh and prints Markdown tables: trial and run noise, the real A/A builds, A/A and
 * power over every pair of real runs, and a simulation of many more comparisons from the measured noise, all
 * decided by the plugin's own RelativeCheck. Usage (see the .md):
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.gate.DecisionQuality /work/dq</pre>
 */
public final class DecisionQuality {
    private static final String SEARCH = "GET /search";
    /** Comparisons per reported cell; the searches for margins and effects use fewer, with the same seed. */
    private static final int SIMULATED = 20_000;
    private static final int SEARCHED = 4_000;
    private static final double ALPHA = DecisionSettings.DEFAULT_ALPHA;

    record Series(String label, String request, Metric metric) {
        List<Double> values(RunResult run) {
            try {
                return MetricValues.perTrial(run, request, metric);
            } catch (MetricValues.Unavailable e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    private static final List<Series> SERIES = List.of(
            new Series("p50 of GET /search", SEARCH, Metric.of("p50")),
            new Series("p95 of GET /search", SEARCH, Metric.of("p95")),
            new Series("p99 of GET /search", SEARCH, Metric.of("p99")),
            new Series("p95 of all requests", null, Metric.of("p95")),
            new Series("throughput of all requests", null, Metric.of("throughput")));

    record Build(Path dir, RunResult run, String outcome, long seconds) {
    }

    /** Log-scale noise of one series: within a run (trial to trial) and between runs (the run's offset). */
    record Noise(double within, double between, int trials) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "/work/dq");
        List<Build> aa = builds(root.resolve("aa"));
        // "slow-0.10": /search does 10 % more of its CPU work; "delay-3": it sleeps 3 ms more
        Map<String, List<Build>> injected = new java.util.LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted(java.util.Comparator.comparing(DecisionQuality::injectionOrder)).toList()) {
                String name = d.getFileName().toString();
                if (name.startsWith("slow-")) {
                    injected.put("work +" + Math.round(100 * Double.parseDouble(name.substring(5))) + " %", builds(d));
                } else if (name.startsWith("delay-")) {
                    injected.put("sleep " + name.substring(6) + " ms", builds(d));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d A/A builds; injected: %s%n%n", aa.size(), injected.keySet());

        System.out.println("## Wall time of one quickstart build (mvn verify)\n");
        List<Double> secs = aa.stream().map(b -> (double) b.seconds()).toList();
        System.out.printf(Locale.ROOT, "median %.0f s, min %.0f s, max %.0f s over %d builds%n%n",
                MetricValues.median(secs), secs.stream().mapToDouble(d -> d).min().orElse(0),
                secs.stream().mapToDouble(d -> d).max().orElse(0), secs.size());

        System.out.println("## Noise (log scale, shown as %)\n");
        System.out.println("| series | trials/run | within a run (trial spread) | between runs (run offset σ_m) |");
        System.out.println("|---|---:|---:|---:|");
        Map<Series, Noise> noise = new java.util.LinkedHashMap<>();
        for (Series s : SERIES) {
            Noise n = noise(aa, s);
            noise.put(s, n);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% |%n", s.label(), n.trials(),
                    100 * n.within(), 100 * n.between());
        }

        System.out.println("\n## Real A/A builds against the committed baseline\n");
        realBuilds(aa);

        double[] margins = {0.05, 0.10, 0.15, 0.20, 0.30, 0.50, 1.00};
        System.out.println("\n## A/A over every ordered pair of real runs: FAIL rate of a maxRegression check\n");
        System.out.print("| series | pairs |");
        for (double m : margins) {
            System.out.printf(Locale.ROOT, " τ=%.0f %% |", 100 * m);
        }
        System.out.println();
        System.out.println("|---|---:|" + "---:|".repeat(margins.length));
        for (Series s : SERIES) {
            System.out.printf(Locale.ROOT, "| %s | %d |", s.label(), aa.size() * (aa.size() - 1));
            for (double m : margins) {
                if (!s.metric().lowerIsBetter() && m >= 1) {
                    System.out.print(" - |"); // a drop of 100 % or more cannot happen
                    continue;
                }
                int[] c = pairs(aa, aa, s, m);
                System.out.printf(Locale.ROOT, " %s |", rate(c[0], c[3]));
            }
            System.out.println();
        }

        System.out.println("\n## Simulated comparisons from the measured noise (" + SIMULATED
                + " per cell; trials per side as measured)\n");
        System.out.println("| series | safe margin (A/A FAIL ≤ 1 %) | A/A FAIL at it | MDE (FAIL ≥ 80 %) | FAIL at 2× MDE"
                + " | 0.5× MDE: FAIL | without the run offset: safe margin, MDE |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        Random random = new Random(20261127);
        Map<Series, double[]> safe = new java.util.LinkedHashMap<>();
        for (Series s : SERIES) {
            Noise n = noise.get(s);
            double tau = safeMargin(s, n, n.between(), random);
            double aaRate = failRate(s, n, n.between(), tau, 0, random);
            double mde = mde(s, n, n.between(), tau, random);
            double at2 = failRate(s, n, n.between(), tau, 2 * mde, random);
            double atHalf = failRate(s, n, n.between(), tau, 0.5 * mde, random);
            double tau0 = safeMargin(s, n, 0, random);
            double mde0 = mde(s, n, 0, tau0, random);
            safe.put(s, new double[] {tau, mde});
            System.out.printf(Locale.ROOT, "| %s | %.0f %% | %.2f %% | %.0f %% | %.1f %% | %.1f %% | %.0f %%, %.0f %% |%n",
                    s.label(), 100 * tau, 100 * aaRate, 100 * mde, 100 * at2, 100 * atHalf, 100 * tau0, 100 * mde0);
        }

        System.out.println("\n## Simulated: A/A FAIL rate and MDE by margin (" + SIMULATED + " A/A comparisons per "
                + "cell; MDE searched with " + SEARCHED + ")\n");
        double[] grid = {0.05, 0.10, 0.20, 0.30, 0.50, 0.75, 1.00, 1.50};
        System.out.print("| series |");
        for (double m : grid) {
            System.out.printf(Locale.ROOT, " τ=%.0f %% |", 100 * m);
        }
        System.out.println();
        System.out.println("|---|" + "---|".repeat(grid.length));
        for (Series s : SERIES) {
            Noise n = noise.get(s);
            System.out.print("| " + s.label() + " |");
            double bestMde = Double.MAX_VALUE;
            for (double m : grid) {
                if (!s.metric().lowerIsBetter() && m >= 1) {
                    System.out.print(" - |");
                    continue;
                }
                double aaRate = failRate(s, n, n.between(), m, 0, random);
                double mde = mde(s, n, n.between(), m, random);
                System.out.printf(Locale.ROOT, " %.2f %%, MDE %s |", 100 * aaRate,
                        mde >= 4 ? "> 400 %" : String.format(Locale.ROOT, "%.0f %%", 100 * mde));
                if (aaRate <= 0.01 && mde < bestMde) {
                    bestMde = mde;
                    safe.put(s, new double[] {m, mde});
                }
            }
            System.out.println();
        }
        System.out.println("\nThe margin used below for each series is the one with the smallest MDE at an A/A FAIL rate "
                + "of at most 1 %: " + String.join(", ", safe.entrySet().stream().map(e -> String.format(Locale.ROOT,
                        "%s τ=%.0f %% (MDE %.0f %%)", e.getKey().label(), 100 * e.getValue()[0],
                        100 * e.getValue()[1])).toList()));

        System.out.println("\n## Injected slowdowns\n");
        System.out.println("Realised change: ratio of the mean log run-medians, injected builds against the A/A builds. "
                + "Real pairs: every injected build against every A/A build. Same round: against the A/A build "
                + "measured just before it (interleaved rounds only). Simulated: " + SIMULATED + " comparisons "
                + "from the measured noise with the realised change.\n");
        double[] taus = {0.10, 0.50, 1.00};
        System.out.print("| injected | series | builds | realised change |");
        for (double t : taus) {
            System.out.printf(Locale.ROOT, " FAIL τ=%.0f %%: real pairs / same round / simulated |", 100 * t);
        }
        System.out.println();
        System.out.println("|---|---|---:|---:|" + "---|".repeat(taus.length));
        for (var e : injected.entrySet()) {
            for (Series s : SERIES.subList(0, 3)) {
                double realised = realised(e.getValue(), aa, s);
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %+.0f %% |", e.getKey(), s.label(),
                        e.getValue().size(), 100 * realised);
                for (double t : taus) {
                    int[] all = pairs(e.getValue(), aa, s, t);
                    int[] round = sameRound(e.getValue(), aa, s, t);
                    double simulated = failRate(s, noise.get(s), noise.get(s).between(), t, Math.max(0, realised),
                            random);
                    System.out.printf(Locale.ROOT, " %s / %s / %.1f %% |", rate(all[0], all[3]),
                            round[3] == 0 ? "-" : round[0] + " of " + round[3], 100 * simulated);
                }
                System.out.println();
            }
        }
    }

    /** Each injected build of an interleaved round against the A/A build of the same round ("…-rN"). */
    private static int[] sameRound(List<Build> injected, List<Build> aa, Series s, double margin) {
        int[] c = new int[4];
        for (Build b : injected) {
            String name = b.dir().getFileName().toString();
            int r = name.indexOf("-r");
            if (r < 0) {
                continue;
            }
            String round = name.substring(r);
            for (Build a : aa) {
                if (a.dir().getFileName().toString().endsWith(round)) {
                    Status status = decide(s, margin, s.values(b.run()), s.values(a.run()));
                    c[status == Status.FAIL ? 0 : status == Status.PASS ? 1 : 2]++;
                    c[3]++;
                }
            }
        }
        return c;
    }

    private static double injectionOrder(Path d) {
        String name = d.getFileName().toString();
        if (name.startsWith("slow-")) {
            return Double.parseDouble(name.substring(5));
        }
        return name.startsWith("delay-") ? 1000 + Double.parseDouble(name.substring(6)) : -1;
    }

    private static List<Build> builds(Path dir) throws IOException {
        List<Build> builds = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return builds;
        }
        try (Stream<Path> runs = Files.list(dir)) {
            for (Path d : runs.sorted().toList()) {
                Path runFile = d.resolve("run.json");
                if (!Files.exists(runFile)) {
                    continue;
                }
                RunResult run;
                try {
                    run = RunJson.read(runFile);
                } catch (dev.perfgate.result.RunFileException e) {
                    System.err.println("skipping " + d + ": " + e.getMessage());
                    continue;
                }
                String outcome = Files.readString(d.resolve("outcome")).trim();
                long seconds = Long.parseLong(Files.readString(d.resolve("seconds")).trim());
                builds.add(new Build(d, run, outcome, seconds));
            }
        }
        return builds;
    }

    private static Noise noise(List<Build> builds, Series s) {
        double within = 0;
        int df = 0;
        List<Double> means = new ArrayList<>();
        int trials = 0;
        for (Build b : builds) {
            double[] logs = s.values(b.run()).stream().mapToDouble(Math::log).toArray();
            trials = Math.max(trials, logs.length);
            double mean = java.util.Arrays.stream(logs).average().orElse(0);
            for (double l : logs) {
                within += (l - mean) * (l - mean);
            }
            df += logs.length - 1;
            means.add(mean);
        }
        double sw = Math.sqrt(within / df);
        double grand = means.stream().mapToDouble(d -> d).average().orElse(0);
        double ss = means.stream().mapToDouble(m -> (m - grand) * (m - grand)).sum() / (means.size() - 1);
        // the spread of run means holds trial noise / k too; the rest is the run's own offset
        double sm = Math.sqrt(Math.max(0, ss - sw * sw / trials));
        return new Noise(sw, sm, trials);
    }

    private static void realBuilds(List<Build> aa) throws IOException {
        Map<String, int[]> byGate = new TreeMap<>();
        int failedBuilds = 0;
        for (Build b : aa) {
            if (b.outcome().equals("fail")) {
                failedBuilds++;
            }
            Path result = b.dir().resolve("result.json");
            if (!Files.exists(result)) {
                continue;
            }
            var tree = RunJson.mapper().readTree(result.toFile());
            for (var g : tree.get("gates")) {
                String key = "#" + g.get("index").asInt() + " " + g.get("description").asText() + " ("
                        + g.get("limit").asText() + ")";
                int[] c = byGate.computeIfAbsent(key, k -> new int[4]);
                switch (g.get("status").asText()) {
                    case "fail" -> c[0]++;
                    case "pass" -> c[1]++;
                    case "inconclusive" -> c[2]++;
                    default -> { }
                }
                c[3]++;
            }
        }
        System.out.println("| gate | FAIL | PASS | INCONCLUSIVE |");
        System.out.println("|---|---:|---:|---:|");
        byGate.forEach((k, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %d |%n", k, c[0], c[1], c[2]));
        System.out.printf(Locale.ROOT, "%nFailed builds: %d of %d%n", failedBuilds, aa.size());
    }

    /** FAIL, PASS, INCONCLUSIVE counts and the number of pairs: every candidate run against every other base run. */
    private static int[] pairs(List<Build> candidates, List<Build> bases, Series s, double margin) {
        int[] c = new int[4];
        for (Build cand : candidates) {
            for (Build base : bases) {
                if (cand == base) {
                    continue;
                }
                Status status = decide(s, margin, s.values(cand.run()), s.values(base.run()));
                c[status == Status.FAIL ? 0 : status == Status.PASS ? 1 : 2]++;
                c[3]++;
            }
        }
        return c;
    }

    private static Status decide(Series s, double margin, List<Double> cand, List<Double> base) {
        Gate gate = new Gate(1, s.request(), s.metric(), null, null, margin, null);
        RelativeCheck check = new RelativeCheck(gate, RelativeCheck.Kind.REGRESSION, cand, base, ALPHA);
        return check.decide(ALPHA, HolmLevel.alone(check.failP(), DecisionSettings.DEFAULT), null).status();
    }

    /** A/A or slowed comparisons from the noise model: each run gets an offset, each trial its own noise. */
    private static double failRate(Series s, Noise n, double between, double margin, double effect, Random random) {
        return failRate(s, n, between, margin, effect, random, SIMULATED);
    }

    private static double failRate(Series s, Noise n, double between, double margin, double effect, Random unused,
            int comparisons) {
        // the same pseudo-random runs for every margin and effect: rates then move monotonically in a search
        Random random = new Random(42);
        int fails = 0;
        double shift = Math.log1p(effect) * (s.metric().lowerIsBetter() ? 1 : -1);
        for (int i = 0; i < comparisons; i++) {
            List<Double> base = simulatedRun(n, between, 0, random);
            List<Double> cand = simulatedRun(n, between, shift, random);
            if (decide(s, margin, cand, base) == Status.FAIL) {
                fails++;
            }
        }
        return fails / (double) comparisons;
    }

    private static List<Double> simulatedRun(Noise n, double between, double shift, Random random) {
        double offset = between * random.nextGaussian() + shift;
        List<Double> values = new ArrayList<>();
        for (int t = 0; t < n.trials(); t++) {
            values.add(Math.exp(offset + n.within() * random.nextGaussian()));
        }
        return values;
    }

    /** The smallest margin (1 % steps, up to 300 %) whose A/A FAIL rate is at most 1 %. */
    private static double safeMargin(Series s, Noise n, double between, Random random) {
        int lo = 1;
        int hi = s.metric().lowerIsBetter() ? 300 : 99;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (failRate(s, n, between, mid / 100.0, 0, random, SEARCHED) <= 0.01) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo / 100.0;
    }

    /** The smallest effect (1 % steps) a check with this margin fails at least 80 % of the time. */
    private static double mde(Series s, Noise n, double between, double margin, Random random) {
        int lo = 0;
        int hi = 400;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (failRate(s, n, between, margin, mid / 100.0, random, SEARCHED) >= 0.8) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo / 100.0;
    }

    private static double realised(List<Build> slowed, List<Build> aa, Series s) {
        return Math.expm1(meanLogMedian(slowed, s) - meanLogMedian(aa, s));
    }

    private static double meanLogMedian(List<Build> builds, Series s) {
        return builds.stream().mapToDouble(b -> Math.log(MetricValues.median(s.values(b.run())))).average()
                .orElse(Double.NaN);
    }

    private static String rate(int k, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * k / n, k, n);
    }
}
