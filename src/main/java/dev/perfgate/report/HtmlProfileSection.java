package dev.perfgate.report;

import static dev.perfgate.report.html.Html.attr;
import static dev.perfgate.report.html.Html.text;

import dev.perfgate.check.Comparison;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The root-cause part of index.html: the candidates {@link dev.perfgate.check.RootCause} finds between the two profiles, what each
 * profile says of itself (CPU-bound or waiting, the hottest methods), and links to the flame graphs and pprof
 * files that are in the output directory.
 */
final class HtmlProfileSection {
    private static final int HOTTEST = 5;
    /** File name → what it shows; only the ones present are linked. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put(ProfileFiles.FLAME_CPU, "CPU flame graph");
        FILES.put(ProfileFiles.FLAME_ALLOCATION, "allocation flame graph");
        FILES.put(ProfileFiles.FLAME_LOCKS, "lock-wait flame graph");
        FILES.put(ProfileFiles.FLAME_DIFF, "differential CPU flame graph against the baseline (red: hotter)");
        FILES.put(ProfileFiles.PPROF_CPU, "CPU profile (pprof)");
        FILES.put(ProfileFiles.PPROF_ALLOCATION, "allocation profile (pprof)");
        FILES.put(ProfileFiles.PPROF_LOCKS, "lock-wait profile (pprof)");
    }

    private HtmlProfileSection() {
    }

    static void render(StringBuilder html, Comparison comparison, Path directory) {
        RunResult run = comparison.run();
        RunResult baseline = comparison.baseline();
        html.append("<section id=\"root-cause\">\n<h2>Root cause</h2>\n");
        String absent = whyNotCompared(comparison);
        if (absent != null) {
            html.append("<p class=\"absent\">").append(text(absent)).append("</p>\n");
        } else {
            findings(html, comparison.rootCause().findings());
        }
        bottleneck(html, "This run", run.profile());
        if (baseline != null) {
            bottleneck(html, "The baseline", baseline.profile());
        }
        hottest(html, run.profile());
        links(html, directory);
        html.append("</section>\n");
    }

    /** Why there are no candidates to show, or null when the two profiles were compared. */
    static String whyNotCompared(Comparison comparison) {
        RunResult run = comparison.run();
        RunResult baseline = comparison.baseline();
        if (run.profile() == null) {
            return "No profile of this run (JFR was off, or its recording could not be read): root-cause "
                    + "candidates need a profile of both runs.";
        }
        if (baseline == null) {
            return "No baseline to compare this run's profile with.";
        }
        if (baseline.profile() == null) {
            return "The baseline has no profile summary (recorded without JFR, or by an older perfgate): record it "
                    + "again with JFR on to compare profiles.";
        }
        if (!comparison.rootCause().compared()) {
            return "The profiles were not compared: the baseline and this run were recorded with different JFR "
                    + "settings.";
        }
        return null;
    }

    private static void findings(StringBuilder html, List<ProfileDiff.Finding> findings) {
        if (findings.isEmpty()) {
            html.append("<p>No method, allocation, lock, I/O or GC share moved significantly between the baseline's "
                    + "profile and this run's (more than 1 point with |z| &gt; 3).</p>\n");
            return;
        }
        html.append("<p class=\"note\">What took a share of the CPU samples, the allocated bytes or the request "
                + "time that changed by more than 1 point with |z| &gt; 3, baseline → this run; what got hotter "
                + "first.</p>\n<table class=\"findings\">\n<thead><tr><th>what</th><th>where</th><th class=\"num\">"
                + "baseline</th><th class=\"num\">this run</th><th>share of</th><th class=\"num\">events</th>"
                + "<th class=\"num\">z</th><th class=\"num\">ms per request</th></tr></thead>\n<tbody>\n");
        for (ProfileDiff.Finding f : findings) {
            html.append("<tr class=\"").append(f.z() > 0 ? "hotter" : "cooler").append("\"><td>")
                    .append(text(f.kind().what())).append("</td><td class=\"frame\">").append(text(f.name()))
                    .append("</td><td class=\"num\">").append(percent(f.baselineShare()))
                    .append("</td><td class=\"num\">").append(percent(f.share()))
                    .append("</td><td>").append(text(f.ofWallTime() ? "wall time"
                            : f.kind().ofWhat().replaceFirst("^of ", "")))
                    .append("</td><td class=\"num\">").append(f.baselineCount()).append(" → ").append(f.count())
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", f.z()))
                    .append("</td><td class=\"num\">").append(f.addedMillis() == null ? ""
                            : String.format(Locale.ROOT, "%+.1f", f.addedMillis()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void bottleneck(StringBuilder html, String who, ProfileSummary profile) {
        if (profile != null && profile.bottleneck() != null) {
            html.append("<p>").append(text(who)).append(": <b>").append(text(profile.bottleneck().verdict()))
                    .append("</b>: ").append(text(profile.bottleneck().reason())).append(".</p>\n");
        }
    }

    private static void hottest(StringBuilder html, ProfileSummary profile) {
        if (profile == null || profile.selfTop().isEmpty()) {
            return;
        }
        html.append("<h3>Hottest methods of this run (self time)</h3>\n<table class=\"hottest\">\n<thead><tr>"
                + "<th>method</th><th class=\"num\">samples</th><th class=\"num\">share</th></tr></thead>\n<tbody>\n");
        for (ProfileSummary.Count c : profile.selfTop().stream().limit(HOTTEST).toList()) {
            html.append("<tr><td class=\"frame\">").append(text(c.name())).append("</td><td class=\"num\">")
                    .append(c.value()).append("</td><td class=\"num\">")
                    .append(profile.javaSamples() > 0 ? percent(c.value() / (double) profile.javaSamples()) : "")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">Of ").append(profile.javaSamples())
                .append(" CPU samples in Java code over the measured windows.</p>\n");
    }

    private static void links(StringBuilder html, Path directory) {
        html.append("<h3>Flame graphs and profiles</h3>\n");
        List<String> present = FILES.keySet().stream().filter(f -> Files.isRegularFile(directory.resolve(f)))
                .toList();
        if (present.isEmpty()) {
            html.append("<p class=\"absent\">No flame graphs in ").append(text(directory.toString()))
                    .append(": they are drawn when the run is profiled with JFR.</p>\n");
            return;
        }
        html.append("<ul class=\"files\">\n");
        for (String f : present) {
            // the page sits beside them: a relative link keeps working when the directory is moved or archived
            html.append("<li><a href=\"").append(attr(f)).append("\">").append(text(f)).append("</a>: ")
                    .append(text(FILES.get(f))).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
