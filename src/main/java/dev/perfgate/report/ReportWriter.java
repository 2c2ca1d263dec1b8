package dev.perfgate.report;

import dev.perfgate.gate.Category;
import dev.perfgate.gate.Verdict;
import dev.perfgate.profile.FlameGraphs;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Writes every report of a check into the output directory and returns what goes to the console. */
public final class ReportWriter {
    public static final String RESULT_MARKDOWN = "result.md";
    public static final String RESULT_JSON = "result.json";

    /**
     * What was written. (The console summary is the Mojo's: it colours it for a terminal, see ConsoleSummary.)
     *
     * @param flameDiff the differential CPU flame graph, or null without two comparable profiles
     * @param html      index.html
     */
    public record Written(Path markdown, Path json, Path flameDiff, Path html) {
    }

    private ReportWriter() {
    }

    public static Written write(Path directory, RunResult run, RunResult baseline, Verdict verdict)
            throws IOException {
        Path markdown = directory.resolve(RESULT_MARKDOWN);
        Path json = directory.resolve(RESULT_JSON);
        RunJson.writeAtomically(markdown, ResultMarkdown.render(run, baseline, verdict));
        ResultJson.of(verdict, RootCause.all(run, baseline)).write(json);
        Path flameDiff = flameDiff(directory, run, baseline);
        // after the flame graph, which the page links to when it exists
        Path html = HtmlReport.write(directory, run, baseline, verdict);
        return new Written(markdown, json, flameDiff, html);
    }

    /**
     * The reports of a goal that stopped before any gate was evaluated: result.json (see
     * {@link ResultJson#noVerdict}) and a result.md of two lines say why; the reports of an earlier check are
     * removed, so that nothing in the directory shows an older build's verdict.
     */
    public static void writeNoVerdict(Path directory, Category category, String message) throws IOException {
        ResultJson result = ResultJson.noVerdict(category, message);
        Files.deleteIfExists(directory.resolve(ProfileFiles.FLAME_DIFF));
        // an older page would show an older verdict; there is none this time
        Files.deleteIfExists(directory.resolve(HtmlReport.FILE));
        RunJson.writeAtomically(directory.resolve(RESULT_MARKDOWN), "## perfgate: no verdict\n\n- ❌ **"
                + category.id() + "**: " + result.runProblems().get(0).message() + "\n");
        result.write(directory.resolve(RESULT_JSON));
    }

    /**
     * The differential CPU flame graph from the stacks both profile summaries keep, so that it needs no .jfr of the
     * baseline: only their top stacks, cut to the leaf-most frames, which the title says. Advisory: a graph that
     * cannot be drawn costs the graph, never the verdict. (perfgate:profile with both recordings draws them whole.)
     */
    private static Path flameDiff(Path directory, RunResult run, RunResult baseline) {
        Path html = directory.resolve(ProfileFiles.FLAME_DIFF);
        try {
            Files.deleteIfExists(html);
            if (!RootCause.comparable(run, baseline)) {
                return null;
            }
            ProfileSummary before = baseline.profile();
            ProfileSummary after = run.profile();
            FlameGraphs.diff(stacks(before), before.javaSamples(), stacks(after), after.javaSamples(), html,
                    String.format(Locale.ROOT, "CPU of this run (%,d samples) vs the baseline (%,d samples): the "
                            + "top %d stacks of each, leaf-most frames only", after.javaSamples(),
                            before.javaSamples(), after.stacksTop().size()));
            return html;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Long> stacks(ProfileSummary profile) {
        Map<String, Long> stacks = new HashMap<>();
        profile.stacksTop().forEach(c -> stacks.merge(c.name(), c.value(), Long::sum));
        return stacks;
    }
}
