package dev.perfgate.maven;

import dev.perfgate.check.CompareRequest;
import dev.perfgate.check.Comparisons;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.result.RunJson;
import java.io.File;
import java.nio.file.Path;
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

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        // Without a pom, Maven runs the goal in a stub project whose directories are not resolved.
        boolean withoutProject = project == null || project.getFile() == null;
        Path reports = compareDirectory != null ? compareDirectory.toPath()
                : withoutProject ? Path.of("target", "perfgate-compare").toAbsolutePath()
                : Path.of(project.getBuild().getDirectory(), "perfgate-compare");
        Path runData = run != null ? run.toPath()
                : withoutProject ? null : outputDirectory.toPath().resolve(RunJson.RUN_FILE);
        Path reference = baseline != null ? baseline.toPath() : withoutProject ? null : baselineFile.toPath();
        judge(Comparisons.compare(new CompareRequest(runData, reference, gateSpecs(), decisionSpec())), reports,
                reports.resolve(JUnitXml.FILE_NAME));
    }
}
