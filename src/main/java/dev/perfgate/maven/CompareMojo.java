package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.run.RunFileException;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares any two run or baseline files offline, without measuring: e.g. a CI run's run.json with last week's, or
 * two committed baselines. Writes every report of perfgate:check into its own directory; with gates (the pom's
 * {@code <gates>}) it fails like perfgate:check (haltOnFailure applies), without gates it only reports.
 * Works without a project: {@code mvn dev.perfgate:perfgate-maven-plugin:compare -Dperfgate.compare.run=new.json
 * -Dperfgate.compare.baseline=old.json}.
 */
@Mojo(name = "compare", requiresProject = false, threadSafe = true)
public class CompareMojo extends AbstractGateMojo {

    /** The run to judge (run.json or a baseline file); default: run.json in outputDirectory, the last run. */
    @Parameter(property = "perfgate.compare.run")
    private File run;

    /** What it is compared with (a baseline file or another run.json); default: the committed baselineFile. */
    @Parameter(property = "perfgate.compare.baseline")
    private File baseline;

    /**
     * Where the comparison's reports go, TEST-perfgate.xml included, apart from perfgate:check's; default:
     * perfgate-compare in the project's build directory, or target/perfgate-compare in the current directory without a
     * project.
     */
    @Parameter(property = "perfgate.compare.outputDirectory")
    private File compareDirectory;

    /** Without a pom Maven runs the goal in a stub project whose directories are not resolved ("${project.basedir}"). */
    private boolean withoutProject() {
        return project == null || project.getFile() == null;
    }

    private Path reportDirectory() {
        if (compareDirectory != null) {
            return compareDirectory.toPath();
        }
        return withoutProject() ? Path.of("target", "perfgate-compare").toAbsolutePath()
                : Path.of(project.getBuild().getDirectory(), "perfgate-compare");
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        decisionSettings(false);
        Path reports = reportDirectory();
        Path junitFile = reports.resolve(JUnitXml.FILE_NAME);
        deleteStaleJUnit(junitFile);
        if (withoutProject() && (run == null || baseline == null)) {
            throw new MojoFailureException("perfgate: outside a project, perfgate:compare needs both files: "
                    + "-Dperfgate.compare.run=<run.json or baseline file> -Dperfgate.compare.baseline=<baseline file "
                    + "or run.json>");
        }
        File runData = run != null ? run : new File(outputDirectory, "run.json");
        File baseData = baseline != null ? baseline : baselineFile;
        RunResult candidate;
        try {
            candidate = RunJson.read(runData.toPath());
        } catch (RunFileException e) {
            throw problem(junitFile, "no-data", "the run to compare " + e.getMessage() + "; name it with "
                    + "-Dperfgate.compare.run=<run.json or baseline file>");
        }
        RunResult reference;
        try {
            reference = RunJson.read(baseData.toPath());
        } catch (RunFileException e) {
            throw problem(junitFile, "incomparable-baseline", "the run to compare with " + e.getMessage()
                    + "; name it with -Dperfgate.compare.baseline=<baseline file or run.json>");
        }
        List<Gate> parsed = parseGates(candidate.requests().keySet());
        getLog().info("perfgate: comparing " + runData + " with " + baseData);
        Verdict verdict = evaluate(parsed, candidate, reference, BaselineState.PRESENT);
        report(new Destination(reports, junitFile), candidate, reference, parsed, verdict,
                haltOnFailure && !parsed.isEmpty(), stepSummaryFromEnvironment());
    }
}
