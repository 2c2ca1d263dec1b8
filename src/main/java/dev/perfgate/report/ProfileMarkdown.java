package dev.perfgate.report;

import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

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
        if (p.bottleneck() != null) {
            md.append("**").append(p.bottleneck().verdict()).append("**: ").append(p.bottleneck().reason())
                    .append(".\n\n");
        }
        if (!p.allocationByClass().isEmpty()) {
            md.append("Allocation (sampled): ");
            md.append(String.join(", ", p.allocationByClass().stream().limit(3).map(c -> "`"
                    + ResultMarkdown.cellText(c.name()) + "` " + mib(c.value())).toList()));
            md.append(" of ").append(mib(p.allocationBytes()));
            if (p.requests() != null && p.requests() > 0) {
                md.append(String.format(Locale.ROOT, " (%.1f KiB per request)", p.allocationBytes() / 1024.0
                        / p.requests()));
            }
            md.append("; most allocated at ").append(sites(p.allocationBySite(), s -> mib(s.value()))).append(".\n");
        }
        md.append(String.format(Locale.ROOT, "GC: %d collections, %.1f ms paused in all, longest %.1f ms.%n",
                p.gc().collections(), p.gc().totalPauseMillis(), p.gc().longestPauseMillis()));
        if (!p.monitorBySite().isEmpty()) {
            md.append("Lock waits over JFR's threshold: ").append(sites(p.monitorBySite(), ProfileMarkdown::waits))
                    .append(".\n");
        }
        if (!p.parkBySite().isEmpty()) {
            md.append("Parked (not idle) over the threshold: ").append(sites(p.parkBySite(), ProfileMarkdown::waits))
                    .append(".\n");
        }
        if (!p.io().isEmpty()) {
            md.append("I/O over the threshold: ").append(sites(p.io(), ProfileMarkdown::waits)).append(".\n");
        }
        if (p.health() != null && !p.health().findings().isEmpty()) {
            md.append("\nJFR health (JDK Mission Control's rules, advisory):\n\n");
            for (var f : p.health().findings()) {
                md.append("- ").append(f.severity()).append(' ').append(ResultMarkdown.cellText(f.name()))
                        .append(f.score() == null ? "" : " (score " + f.score() + ")").append(": ")
                        .append(ResultMarkdown.cellText(f.summary())).append('\n');
            }
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

    private static String sites(List<ProfileSummary.Site> sites, Function<ProfileSummary.Site, String> figure) {
        return String.join(", ", sites.stream().limit(3).map(s -> "`" + ResultMarkdown.cellText(s.name()) + "` "
                + figure.apply(s)).toList());
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1L << 20));
    }

    /** How many waits, how long in all. */
    private static String waits(ProfileSummary.Site s) {
        return String.format(Locale.ROOT, "%d waits, %.0f ms", s.events(), s.value());
    }
}
