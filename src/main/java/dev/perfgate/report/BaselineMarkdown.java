package dev.perfgate.report;

import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import dev.perfgate.util.Advice;
import java.util.Map;

/**
 * docs/perf/baseline.md: the "before" numbers in words, committed next to the baseline file so that a reviewer
 * sees what a pull request is compared with, on what machine, under which load, and how to re-record it.
 */
public final class BaselineMarkdown {
    /** The command in the page when none is given. */
    public static final String DEFAULT_RECORD_COMMAND = Advice.RECORD_BASELINE_COMMAND;

    private BaselineMarkdown() {
    }

    public static String render(RunResult baseline, String baselineFile) {
        return render(baseline, baselineFile, DEFAULT_RECORD_COMMAND);
    }

    public static String render(RunResult baseline, String baselineFile, String recordCommand) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance baseline\n\n");
        md.append("The \"before\" numbers that perfgate compares every build with. Recorded ")
                .append(baseline.createdAt() == null ? "at an unknown time" : "on " + baseline.createdAt())
                .append(" at commit `").append(Figures.shortCommit(baseline.gitCommit())).append("` by perfgate ")
                .append(baseline.pluginVersion()).append("; stored in `").append(baselineFile).append("`.\n\n");
        if (baseline.flagged()) {
            md.append("⚠️ This baseline is **not a valid measurement**: ").append(String.join("; ", baseline.flags()))
                    .append(". Re-record it before relying on it.\n\n");
        }

        md.append("## Before\n\n");
        md.append("| Request | Throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | Errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Figures.Row row : Figures.rows(baseline)) {
            RequestStats s = row.stats();
            String label = row.name() == null ? "**" + row.label() + "**"
                    : "`" + ResultMarkdown.cellText(row.label()) + "`";
            md.append("| ").append(label).append(" | ").append(Figures.throughput(s.throughput()))
                    .append(" | ").append(Figures.ms(s.corrected().p50()))
                    .append(" | ").append(Figures.ms(s.corrected().p95()))
                    .append(" | ").append(Figures.ms(s.corrected().p99()))
                    .append(" | ").append(s.errors())
                    .append(s.errors() > 0 ? " (" + Figures.errorRate(s.errorRate()) + ")" : "").append(" |\n");
        }
        md.append('\n');
        md.append(Figures.closed(baseline)
                ? "Closed model: latency is service time, not corrected for coordinated omission.\n\n"
                : "Latency is measured from each request's intended send time (corrected for coordinated omission), "
                        + "over all " + baseline.trials().size() + " trials merged.\n\n");

        md.append("## Environment\n\n");
        EnvironmentFingerprint env = baseline.environment();
        if (env == null) {
            md.append("- unknown\n\n");
        } else {
            md.append("- OS: ").append(env.os()).append(" (").append(env.arch()).append(")\n");
            md.append("- CPU: ").append(env.cpuModel()).append(", ").append(env.cores()).append(" cores; memory ")
                    .append(Figures.gib(env.memoryBytes())).append('\n');
            md.append("- JVM: ").append(env.javaVendor()).append(' ').append(env.javaVersion());
            if (!env.jvmArgs().isEmpty()) {
                md.append(", options `").append(String.join(" ", env.jvmArgs())).append('`');
            }
            md.append("\n\n");
        }

        md.append("## Load\n\n");
        LoadInfo load = baseline.load();
        md.append("- ").append(Figures.load(load)).append('\n');
        if (load != null) {
            if (!load.requests().isEmpty()) {
                md.append("- requests: ");
                boolean first = true;
                for (Map<String, Object> r : load.requests()) {
                    md.append(first ? "" : "; ").append('`').append(ResultMarkdown.cellText(String.valueOf(
                            r.getOrDefault("name", r.get("method") + " " + r.get("path"))))).append('`');
                    if (r.get("weight") != null) {
                        md.append(" (weight ").append(r.get("weight")).append(')');
                    }
                    first = false;
                }
                md.append('\n');
            }
            if (load.feeder() != null && !load.feeder().isEmpty()) {
                md.append("- feeder: ").append(load.feeder().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).reduce((a, c) -> a + ", " + c).orElse(""))
                        .append('\n');
            }
            md.append("- load hash `").append(load.hash()).append("`: relative gates only compare runs with this "
                    + "hash; any change to the load definition needs a new baseline\n");
        }
        md.append('\n');

        md.append("## Profiling\n\n");
        JfrInfo jfr = baseline.jfr();
        if (jfr != null && jfr.enabled()) {
            md.append("JFR was recording in the service during the measurement (settings `").append(jfr.settings())
                    .append("`). Its overhead, a few percent, is part of these numbers, so they are only compared "
                            + "with runs that also profile.\n\n");
        } else {
            md.append("JFR was off during the measurement. Runs with JFR on are not compared with this baseline, "
                    + "because profiling itself costs a few percent.\n\n");
        }

        md.append("## Re-recording\n\n");
        md.append("```\n").append(recordCommand).append("\n```\n\n");
        md.append("Re-record after a change to the load definition, the JFR setting or the build machine, and "
                + "commit `").append(baselineFile).append("` together with this page.\n");
        return md.toString();
    }
}
