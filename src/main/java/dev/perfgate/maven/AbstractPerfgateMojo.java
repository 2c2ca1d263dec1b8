package dev.perfgate.maven;

import dev.perfgate.check.NoVerdict;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.report.Reports;
import dev.perfgate.util.BuildLog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters every perfgate goal shares. Declare them once in the plugin's {@code <configuration>}. */
abstract class AbstractPerfgateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skips every perfgate goal. */
    @Parameter(property = "perfgate.skip", defaultValue = "false")
    protected boolean skip;

    /** Where run.json, interval logs, profiles, the service log and reports go. */
    @Parameter(property = "perfgate.outputDirectory", defaultValue = "${project.build.directory}/perfgate")
    protected File outputDirectory;

    /** The committed baseline: written only by perfgate:baseline, read by perfgate:check. */
    @Parameter(property = "perfgate.baselineFile", defaultValue = "${project.basedir}/src/perf/baseline.json")
    protected File baselineFile;

    /**
     * Relative gates without a baseline file: fail (with the command to record one) or skip (a warning; absolute
     * gates still apply).
     */
    @Parameter(property = "perfgate.onMissingBaseline", defaultValue = "fail")
    protected String onMissingBaseline;

    /**
     * Significance level of one relative check (a one-sided Mann-Whitney test with the margin, on per-trial values):
     * the chance that it fails unchanged code when trials are independent. See docs/gates.md.
     */
    @Parameter(property = "perfgate.alpha", defaultValue = "0.01")
    protected double alpha;

    /**
     * The chance that any relative check of one build fails unchanged code, held with Holm's method; at least alpha.
     */
    @Parameter(property = "perfgate.buildAlpha", defaultValue = "0.05")
    protected double buildAlpha;

    /**
     * A relative check the trials cannot decide (too few, too noisy, too close to the margin): warn (the build goes
     * on, loudly), fail, or extend (perfgate:run measures up to maxTrials once; each of the two looks at alpha / 2).
     */
    @Parameter(property = "perfgate.inconclusive", defaultValue = "warn")
    protected String inconclusive;

    /**
     * What relative checks do when the baseline was measured on another machine or JVM (CPU, cores, memory, JDK
     * major, OS, arch, JVM options, JFR settings): skip (a warning naming every difference), warn (compare anyway)
     * or fail. Absolute checks always apply.
     */
    @Parameter(property = "perfgate.onEnvironmentMismatch", defaultValue = "skip")
    protected String onEnvironmentMismatch;

    /**
     * The gates (docs/gates.md): validated before any load is sent; perfgate:check fails without any, as a check of
     * nothing would always pass.
     */
    @Parameter
    protected List<GateParameter> gates = new ArrayList<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            buildLog().info("skipped (perfgate.skip=true)");
            return;
        }
        executeGoal();
    }

    /** The goal's work, when it is not skipped. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** The core's messages, into Maven's log, tagged. */
    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }

    protected List<GateSpec> gateSpecs() {
        List<GateSpec> specs = new ArrayList<>();
        if (gates != null) {
            gates.forEach(g -> specs.add(g.toSpec()));
        }
        return specs;
    }

    /** How relative checks decide, as the pom writes it. */
    protected DecisionSpec decisionSpec() {
        return new DecisionSpec(alpha, buildAlpha, inconclusive, onEnvironmentMismatch, onMissingBaseline);
    }

    /**
     * Writes result.json (and result.md) for a goal that stops before a verdict, so that CI reading them sees this
     * build's failure and never an older build's verdict. Best effort: the goal's own exception fails the build.
     */
    protected void recordNoVerdict(Category category, String message, Path directory) {
        try {
            Reports.writeNoVerdict(directory, new NoVerdict(category, message, List.of()));
        } catch (IOException | RuntimeException e) {
            buildLog().warn("cannot write " + Reports.RESULT_JSON + " to " + directory + ": " + e.getMessage());
        }
    }
}
