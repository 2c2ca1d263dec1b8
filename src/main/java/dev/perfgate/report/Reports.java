package dev.perfgate.report;

import dev.perfgate.check.Comparison;
import dev.perfgate.check.Evaluation;
import dev.perfgate.check.NoVerdict;
import dev.perfgate.profile.FlameGraphs;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.result.RunJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes every report of one evaluation: result.md, result.json, the differential flame graph, index.html and the
 * JUnit file, and appends result.md to the CI job summary. A comparison and a check that stopped before a verdict
 * are reported alike, so that nothing in the directories shows an older build's verdict.
 */
public final class Reports {
    public static final String RESULT_MARKDOWN = "result.md";
    public static final String RESULT_JSON = "result.json";

    /**
     * Where the reports of one goal go.
     *
     * @param directory   result.md, result.json, index.html, flame-diff.html
     * @param junitFile   TEST-perfgate.xml
     * @param stepSummary the CI job summary to append result.md to, or null outside such a CI
     */
    public record Destination(Path directory, Path junitFile, Path stepSummary) {
    }

    /**
     * What was written.
     *
     * @param flameDiff          the differential CPU flame graph, or null without two comparable profiles
     * @param html               index.html, or null for a check without a verdict
     * @param stepSummaryProblem why result.md could not be appended to the job summary, or null
     */
    public record Written(Path markdown, Path json, Path flameDiff, Path html, String stepSummaryProblem) {
    }

    private Reports() {
    }

    public static Written write(Evaluation evaluation, Destination to) throws IOException {
        // A JUnit file of an earlier build must not stand for this one, whatever fails below.
        Files.deleteIfExists(to.junitFile());
        if (evaluation instanceof NoVerdict none) {
            writeNoVerdict(to.directory(), none);
            JUnitXml.writeProblem(to.junitFile(), none.category().id(), none.message());
            return new Written(to.directory().resolve(RESULT_MARKDOWN), to.directory().resolve(RESULT_JSON), null,
                    null, null);
        }
        Comparison comparison = (Comparison) evaluation;
        Path directory = to.directory();
        Path markdown = directory.resolve(RESULT_MARKDOWN);
        Path json = directory.resolve(RESULT_JSON);
        String md = ResultMarkdown.render(comparison);
        RunJson.writeAtomically(markdown, md);
        ResultJson.of(comparison).write(json);
        Path flameDiff = flameDiff(directory, comparison);
        // after the flame graph, which the page links to when it exists
        Path html = HtmlReport.write(directory, comparison);
        JUnitXml.write(to.junitFile(), comparison.verdict());
        return new Written(markdown, json, flameDiff, html, appendToStepSummary(to.stepSummary(), md));
    }

    /**
     * The reports of a goal that stopped before any gate was evaluated: result.json (see
     * {@link ResultJson#noVerdict}) and a result.md of two lines say why; the reports of an earlier check are
     * removed, so that nothing in the directory shows an older build's verdict.
     */
    public static void writeNoVerdict(Path directory, NoVerdict none) throws IOException {
        ResultJson result = ResultJson.noVerdict(none.category(), none.message());
        Files.deleteIfExists(directory.resolve(ProfileFiles.FLAME_DIFF));
        // an older page would show an older verdict; there is none this time
        Files.deleteIfExists(directory.resolve(HtmlReport.FILE));
        RunJson.writeAtomically(directory.resolve(RESULT_MARKDOWN), "## perfgate: no verdict\n\n- ❌ **"
                + none.category().id() + "**: " + result.runProblems().get(0).message() + "\n");
        result.write(directory.resolve(RESULT_JSON));
    }

    /** The job summary is a convenience: the verdict and the files stand without it. */
    private static String appendToStepSummary(Path stepSummary, String markdown) {
        if (stepSummary == null) {
            return null;
        }
        try {
            StepSummary.append(stepSummary, markdown);
            return null;
        } catch (IOException e) {
            return "cannot append result.md to the job summary " + stepSummary + " (" + StepSummary.VARIABLE + "): "
                    + e.getMessage();
        }
    }

    /**
     * The differential CPU flame graph from the stacks both profile summaries keep, so that it needs no .jfr of the
     * baseline: only their top stacks, cut to the leaf-most frames, which the title says. Advisory: a graph that
     * cannot be drawn costs the graph, never the verdict. (perfgate:profile with both recordings draws them whole.)
     */
    private static Path flameDiff(Path directory, Comparison comparison) {
        Path html = directory.resolve(ProfileFiles.FLAME_DIFF);
        try {
            Files.deleteIfExists(html);
            if (!comparison.rootCause().compared()) {
                return null;
            }
            ProfileSummary before = comparison.baseline().profile();
            ProfileSummary after = comparison.run().profile();
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
