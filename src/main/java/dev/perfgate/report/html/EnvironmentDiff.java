package dev.perfgate.report.html;

import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Both runs' environments field by field, each field marked when the two differ. Every difference is shown,
 * patch versions included; which of them stop relative gates is the EnvironmentGuard's call, stated apart.
 */
public final class EnvironmentDiff {
    /**
     * @param field    "CPU", "cores" …
     * @param run      this run's value, "unknown" when not recorded
     * @param baseline the baseline's value, or null without a baseline
     * @param differs  both are known and differ; never set for what always differs (commit, date)
     */
    public record Row(String field, String run, String baseline, boolean differs) {
    }

    private record Field(String name, Function<RunResult, String> value, boolean compared) {
    }

    private static final String UNKNOWN = "unknown";

    private static final List<Field> FIELDS = List.of(
            new Field("OS", r -> env(r, EnvironmentFingerprint::os), true),
            new Field("architecture", r -> env(r, EnvironmentFingerprint::arch), true),
            new Field("CPU", r -> env(r, EnvironmentFingerprint::cpuModel), true),
            new Field("cores", r -> env(r, e -> e.cores() > 0 ? String.valueOf(e.cores()) : null), true),
            new Field("memory", r -> env(r, e -> e.memoryBytes() > 0 ? String.format(Locale.ROOT, "%.1f GiB",
                    e.memoryBytes() / (double) (1L << 30)) : null), true),
            new Field("Java vendor", r -> env(r, EnvironmentFingerprint::javaVendor), true),
            new Field("Java version", r -> env(r, EnvironmentFingerprint::javaVersion), true),
            new Field("JVM options", r -> env(r, e -> e.jvmArgs().isEmpty() ? "none" : String.join(" ",
                    e.jvmArgs())), true),
            new Field("JFR", r -> jfr(r.jfr()), true),
            new Field("perfgate", RunResult::pluginVersion, true),
            new Field("commit", RunResult::gitCommit, false),
            new Field("measured at", RunResult::createdAt, false));

    private EnvironmentDiff() {
    }

    /** @param baseline null: one column, nothing marked */
    public static List<Row> rows(RunResult run, RunResult baseline) {
        List<Row> rows = new ArrayList<>();
        for (Field f : FIELDS) {
            String mine = known(f.value().apply(run));
            String theirs = baseline == null ? null : known(f.value().apply(baseline));
            boolean differs = f.compared() && theirs != null && !UNKNOWN.equals(mine) && !UNKNOWN.equals(theirs)
                    && !Objects.equals(mine, theirs);
            rows.add(new Row(f.name(), mine, theirs, differs));
        }
        return rows;
    }

    private static String env(RunResult r, Function<EnvironmentFingerprint, String> field) {
        return r.environment() == null ? null : field.apply(r.environment());
    }

    private static String jfr(JfrInfo jfr) {
        if (jfr == null) {
            return null;
        }
        if (!jfr.enabled()) {
            return "off";
        }
        String options = jfr.options() == null || jfr.options().isEmpty() ? "" : " " + String.join(",",
                jfr.options());
        return "on (" + (jfr.settings() == null ? "default" : jfr.settings()) + options + ")";
    }

    private static String known(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
