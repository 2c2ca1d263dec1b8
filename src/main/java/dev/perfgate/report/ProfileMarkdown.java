package dev.perfgate.report;

import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * The profile section of result.md: where the service spent its CPU samples, what it allocated, GC and lock
 * figures over the measured windows. Every share stands beside the count it rests on.
 */
final class ProfileMarkdown {
    private static final int SHOWN = 5;

    private ProfileMarkdown() {
    }

    static String render(RunResult run) {
        ProfileSummary p = run.profile();
        if (p == null) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Profile (JFR, measured windows only)\n\n");
        md.append(String.format(Locale.ROOT, "%d CPU samples in Java code, %d in native code (mostly idle waits)",
                p.javaSamples(), p.nativeSamples()));
        if (p.jvmCpu() != null && p.machineCpu() != null) {
            md.append(String.format(Locale.ROOT, "; the JVM used %.0f %% of the machine's CPU, the machine %.0f %%",
                    100 * p.jvmCpu(), 100 * p.machineCpu()));
        }
        md.append(".\n\n");
        if (!p.selfTop().isEmpty()) {
            md.append("| Hottest methods (self) | Samples | Share |\n|---|---:|---:|\n");
            rows(md, p.selfTop(), p.javaSamples());
            md.append('\n');
        }
        if (!p.allocationByClass().isEmpty()) {
            md.append("Allocation (sampled): ");
            md.append(String.join(", ", p.allocationByClass().stream().limit(3).map(c -> "`"
                    + ResultMarkdown.cellText(c.name()) + "` " + mib(c.value())).toList()));
            md.append(" of ").append(mib(p.allocationBytes())).append(".\n");
        }
        md.append(String.format(Locale.ROOT, "GC: %d collections, %.1f ms paused in all, longest %.1f ms.%n",
                p.gc().collections(), p.gc().totalPauseMillis(), p.gc().longestPauseMillis()));
        if (!p.monitorByClass().isEmpty()) {
            md.append("Lock waits: ").append(String.join(", ", p.monitorByClass().stream().limit(3)
                    .map(c -> "`" + ResultMarkdown.cellText(c.name()) + "` " + c.value() + " ms").toList()))
                    .append(".\n");
        }
        for (String w : p.warnings()) {
            md.append("\n⚠️ ").append(w).append('\n');
        }
        return md.append('\n').toString();
    }

    private static void rows(StringBuilder md, List<ProfileSummary.Count> counts, long total) {
        for (ProfileSummary.Count c : counts.stream().limit(SHOWN).toList()) {
            md.append("| `").append(ResultMarkdown.cellText(c.name())).append("` | ").append(c.value()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f %%", total == 0 ? 0 : 100.0 * c.value() / total))
                    .append(" |\n");
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
