package dev.perfgate.report;

import dev.perfgate.gate.Units;
import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.MergedResult;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the reports share: rows per request, load and environment in words. */
final class Figures {
    static final String ALL_LABEL = "all requests";

    private Figures() {
    }

    /** A request name, or all requests (name null). */
    record Row(String name, String label, RequestStats stats) {
    }

    /** Each request name of the run in name order, then all requests. Rows without stats are left out. */
    static List<Row> rows(RunResult run) {
        List<Row> rows = new ArrayList<>();
        run.requests().forEach((name, merged) -> {
            if (merged != null && merged.stats() != null) {
                rows.add(new Row(name, name, merged.stats()));
            }
        });
        if (run.overall() != null && run.overall().stats() != null) {
            rows.add(new Row(null, ALL_LABEL, run.overall().stats()));
        }
        return rows;
    }

    /** The same request's figures in another run (the baseline), or null. */
    static RequestStats stats(RunResult run, String name) {
        if (run == null) {
            return null;
        }
        MergedResult m = name == null ? run.overall() : run.requests().get(name);
        return m == null ? null : m.stats();
    }

    static boolean closed(RunResult run) {
        return run.load() != null && "closed".equalsIgnoreCase(run.load().model());
    }

    static String load(LoadInfo load) {
        if (load == null) {
            return "unknown load";
        }
        StringBuilder b = new StringBuilder();
        boolean script = load.external() != null && !"java".equals(load.external().get("tool"));
        if (load.external() != null) {
            b.append(load.external().get("tool")).append(' ').append(load.external().get("source")).append(", ");
        }
        if ("closed".equalsIgnoreCase(load.model())) {
            b.append("closed model");
        } else {
            b.append(load.model() == null ? "open" : load.model()).append(" model at ").append(plain(load.rate()))
                    .append(" requests/s");
        }
        b.append(", ").append(load.trials()).append(load.trials() == 1 ? " trial" : " trials").append(" × ")
                .append(plain(load.durationSeconds())).append(" s");
        List<String> extra = new ArrayList<>();
        if (load.plannedTrials() > 0 && load.trials() != load.plannedTrials()) {
            extra.add("extended from " + load.plannedTrials() + " planned, cap " + load.maxTrials());
        }
        if (load.restartPerTrial()) {
            extra.add("a fresh service per trial");
        }
        if (load.rampUpSeconds() > 0) {
            extra.add("ramp-up " + plain(load.rampUpSeconds()) + " s");
        }
        if (load.warmupSeconds() > 0) {
            extra.add("warm-up " + plain(load.warmupSeconds()) + " s");
        }
        if (!extra.isEmpty()) {
            b.append(" (").append(String.join(", ", extra)).append(')');
        }
        String unit = script ? " user" : " connection";
        b.append(", ").append(load.connections()).append(unit).append(load.connections() == 1 ? "" : "s");
        return b.toString();
    }

    static String environment(EnvironmentFingerprint env) {
        if (env == null) {
            return "unknown environment";
        }
        List<String> parts = new ArrayList<>();
        parts.add(env.os() + " " + env.arch());
        parts.add(env.cpuModel());
        parts.add(env.cores() + (env.cores() == 1 ? " core" : " cores"));
        if (env.memoryBytes() > 0) {
            parts.add(gib(env.memoryBytes()));
        }
        parts.add(env.javaVendor() + " " + env.javaVersion());
        return String.join(", ", parts);
    }

    /** How the baseline's machine differs from the run's: "cores 4 → 2", or empty. */
    static String jfr(JfrInfo jfr) {
        if (jfr == null || !jfr.enabled()) {
            return "JFR off";
        }
        return "JFR on" + (jfr.settings() == null ? "" : " (" + jfr.settings() + ")");
    }

    static String gib(long bytes) {
        if (bytes <= 0) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    static String plain(double v) {
        BigDecimal b = BigDecimal.valueOf(v).round(new MathContext(10)).stripTrailingZeros();
        return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
    }

    static String shortCommit(String commit) {
        if (commit == null || commit.isBlank()) {
            return "unknown commit";
        }
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    static String ms(double millis) {
        return Units.latencyNumber(millis);
    }

    static String throughput(double perSecond) {
        return Units.decimal(perSecond, 1, java.math.RoundingMode.HALF_UP);
    }

    static String errorRate(double fraction) {
        return Units.decimal(fraction * 100.0, 2, java.math.RoundingMode.HALF_UP) + " %";
    }
}
