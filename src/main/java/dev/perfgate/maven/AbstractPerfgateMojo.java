package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.EnvironmentPolicy;
import dev.perfgate.gate.InconclusivePolicy;
import dev.perfgate.gate.GateConfigException;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters every perfgate goal shares. Declare them once in the plugin's {@code <configuration>}. */
abstract class AbstractPerfgateMojo extends AbstractMojo {

    /** The command that records a baseline, for messages. */
    static final String RECORD_BASELINE_COMMAND = "mvn package perfgate:baseline";

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

    /** What a relative gate does when there is no baseline file: fail (default) or skip with a warning. */
    @Parameter(property = "perfgate.onMissingBaseline", defaultValue = "fail")
    protected String onMissingBaseline;

    /**
     * Significance level of one relative check: the chance that it fails unchanged code when trials are
     * independent. See docs/gates.md.
     */
    @Parameter(property = "perfgate.alpha", defaultValue = "0.01")
    protected double alpha;

    /** The chance that any relative check of one build fails unchanged code, held with Holm's method. */
    @Parameter(property = "perfgate.buildAlpha", defaultValue = "0.05")
    protected double buildAlpha;

    /**
     * What an inconclusive relative check does: warn (default), fail, or extend (perfgate:run measures up to
     * maxTrials while a check is inconclusive; the tests then run at alpha / 2 per look).
     */
    @Parameter(property = "perfgate.inconclusive", defaultValue = "warn")
    protected String inconclusive;

    /**
     * What relative checks do when the baseline was measured on another machine or JVM (CPU, cores, memory, JDK
     * major, OS, arch, JVM options, JFR settings): skip (default, with a warning naming every difference), warn
     * (compare anyway) or fail. Absolute checks always apply.
     */
    @Parameter(property = "perfgate.onEnvironmentMismatch", defaultValue = "skip")
    protected String onEnvironmentMismatch;

    /** The gates: see the README for metrics and units. Validated before any load is sent. */
    @Parameter
    protected List<GateParameter> gates = new ArrayList<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip=true)");
            return;
        }
        executeGoal();
    }

    /** The core's log lines, into Maven's log. */
    protected dev.perfgate.run.RunLog runLog() {
        return new dev.perfgate.run.RunLog() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
    }

    /**
     * Writes result.json (and result.md) for a goal that stops before a verdict, so that CI reading them sees this
     * build's failure and never an older build's verdict. Best effort: the goal's own exception fails the build.
     */
    protected void recordNoVerdict(Category category, String message) {
        try {
            ReportWriter.writeNoVerdict(outputDirectory.toPath(), category, message);
        } catch (IOException | RuntimeException e) {
            getLog().warn("perfgate: cannot write " + ReportWriter.RESULT_JSON + " to " + outputDirectory + ": "
                    + e.getMessage());
        }
    }

    /** The goal's work, when it is not skipped. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    protected List<GateSpec> gateSpecs() {
        List<GateSpec> specs = new ArrayList<>();
        if (gates != null) {
            gates.forEach(g -> specs.add(g.toSpec()));
        }
        return specs;
    }

    protected BaselineState missingBaselineState() throws MojoExecutionException {
        return switch (onMissingBaseline == null ? "fail" : onMissingBaseline.trim()) {
            case "fail" -> BaselineState.MISSING_FAIL;
            case "skip" -> BaselineState.MISSING_SKIP;
            default -> throw new MojoExecutionException("perfgate: <onMissingBaseline> is '" + onMissingBaseline
                    + "'; use fail or skip");
        };
    }

    /**
     * How relative checks decide; every problem is one line.
     *
     * @param extensionPlanned whether the run may have looked at its trials twice (it was measured with
     *                         inconclusive=extend and maxTrials above trials): each look then tests at α / 2
     */
    protected DecisionSettings decisionSettings(boolean extensionPlanned) throws MojoExecutionException {
        List<String> problems = new ArrayList<>();
        InconclusivePolicy policy = null;
        EnvironmentPolicy environment = null;
        try {
            policy = InconclusivePolicy.parse(inconclusive);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            environment = EnvironmentPolicy.parse(onEnvironmentMismatch);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        DecisionSettings settings = null;
        if (problems.isEmpty()) {
            try {
                // The run records whether it could look twice; the check's own policy does not change that.
                int looks = extensionPlanned ? 2 : 1;
                settings = new DecisionSettings(alpha, buildAlpha, looks, policy, environment);
            } catch (IllegalArgumentException e) {
                problems.add("<alpha>/<buildAlpha>: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("perfgate: " + String.join("; ", problems));
        }
        return settings;
    }

    /** Validates the gates against the request names; every problem is listed, on one line each. */
    protected List<dev.perfgate.gate.Gate> parseGates(Set<String> requestNames) throws MojoExecutionException {
        try {
            return Gates.parse(gateSpecs(), requestNames);
        } catch (GateConfigException e) {
            e.problems().forEach(p -> getLog().error(p));
            throw new MojoExecutionException("perfgate: " + e.problems().size() + " gate configuration problem(s): "
                    + String.join("; ", e.problems()));
        }
    }
}
