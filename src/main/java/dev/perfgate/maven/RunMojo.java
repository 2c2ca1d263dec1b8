package dev.perfgate.maven;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.InconclusivePolicy;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Verdict;
import dev.perfgate.run.RunFileException;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import dev.perfgate.run.AbPlan;
import dev.perfgate.run.TrialExtension;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.stats.PairOrder;
import dev.perfgate.stats.PairedRatioTest;
import dev.perfgate.version.BaselineSource;
import dev.perfgate.version.BaselineVersion;
import dev.perfgate.version.BaselineVersionException;
import java.io.File;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Starts the service, warms it up, runs the trials while recording latency (HdrHistogram) and a JFR profile,
 * stops the service, and writes target/perfgate/run.json with one .hlog and one .jfr per trial. Never fails the
 * build for a missed gate (perfgate:check does, in verify), so post-integration-test teardown still runs; fails
 * for infrastructure errors (the service did not start or crashed, nothing could be sent).
 *
 * <p>With {@code inconclusive=extend}, it looks at the relative checks once after the planned trials and, when one
 * is inconclusive for want of trials, measures up to maxTrials in one go. Two looks, each at α / 2: the extension
 * cannot turn noise into a verdict, and its size is fixed in advance.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class RunMojo extends AbstractMeasureMojo {

    /**
     * Interleaved A/B against the service built from this git ref (a branch, tag or commit, e.g. origin/main or the
     * pull request's merge base): checked out into target/perfgate/baseline-src, built with Maven, started beside
     * this build's service; relative gates then compare pair by pair. {@code :baseline} means the commit the
     * committed baseline file was recorded at.
     */
    @Parameter(property = "perfgate.baselineRef")
    protected String baselineRef;

    /** Interleaved A/B against a released artifact, groupId:artifactId:version or groupId:artifactId:previousRelease. */
    @Parameter(property = "perfgate.baselineArtifact")
    protected String baselineArtifact;

    /** Interleaved A/B against this jar, started as the service's jar would be. */
    @Parameter(property = "perfgate.baselineJar")
    protected File baselineJar;

    /** Interleaved A/B against the service this command starts (it must listen on PERFGATE_PORT). */
    @Parameter
    protected List<String> baselineCommand = new ArrayList<>();

    /** Interleaved pairs of trials (one of each version per pair); replaces trials in A/B mode. */
    @Parameter(property = "perfgate.pairs", defaultValue = "15")
    protected int pairs;

    /** The seed of the ABBA order; by default a new one per build, recorded in run.json to repeat it. */
    @Parameter(property = "perfgate.pairSeed")
    protected Long pairSeed;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    private boolean interleaving() {
        return baselineRef != null && !baselineRef.isBlank() || baselineArtifact != null && !baselineArtifact.isBlank()
                || baselineJar != null || baselineCommand != null && !baselineCommand.isEmpty();
    }

    @Override
    protected int trialsToPlan() {
        return interleaving() ? pairs : super.trialsToPlan();
    }

    @Override
    protected AbPlan interleaved(ServiceSpec service) throws MojoExecutionException {
        if (!interleaving()) {
            return null;
        }
        if (pairs < 1) {
            throw new MojoExecutionException("perfgate: <pairs> is " + pairs + "; give at least "
                    + PairedRatioTest.pairsNeeded(alpha) + " (the fewest that can reach alpha " + alpha + ")");
        }
        if (service != null && service.port() != 0) {
            throw new MojoExecutionException("perfgate: <service><port> is fixed at " + service.port() + ", but "
                    + "interleaved A/B runs the baseline version beside the service; leave <port> out so each gets "
                    + "a free port (${perfgate.port})");
        }
        String ref = BaselineVersions.resolveRef(baselineRef, baselineFile.toPath(), RECORD_BASELINE_COMMAND);
        BaselineSource source = BaselineVersions.select(ref, baselineArtifact, baselineJar, baselineCommand,
                service, project.getBasedir(), project.getVersion(), outputDirectory, session, repositorySystem,
                remoteRepositories, getLog());
        ServiceSpec baselineService;
        try {
            baselineService = source.serviceSpec(service);
        } catch (BaselineVersionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        long seed = pairSeed != null ? pairSeed : System.nanoTime();
        String commit = source instanceof BaselineVersion version ? version.commit() : null;
        return new AbPlan(baselineService, source.description(), commit, PairOrder.baselineFirst(pairs, seed), seed);
    }

    @Override
    protected void executeGoal() throws MojoExecutionException {
        try {
            run();
        } catch (MojoExecutionException e) {
            // perfgate:check will not run after this: result.json must say why there is no verdict
            recordNoVerdict(Category.INFRASTRUCTURE, e.getMessage());
            throw e;
        }
    }

    private void run() throws MojoExecutionException {
        DecisionSettings settings = decisionSettings(false);
        TrialExtension extension = null;
        if (settings.inconclusive() == InconclusivePolicy.EXTEND) {
            if (trialCap() <= trialsToPlan()) {
                throw new MojoExecutionException("perfgate: <inconclusive>extend</inconclusive> needs <maxTrials> "
                        + "above <trials> (" + trials + "), e.g. <maxTrials>" + (2 * trials) + "</maxTrials>");
            }
            extension = interim -> extendWhileInconclusive(interim, settings.withLooks(2));
        }
        if (extension != null && interleaving()) {
            throw new MojoExecutionException("perfgate: <inconclusive>extend</inconclusive> does not apply to "
                    + "interleaved A/B (the pairs are fixed before the first); raise <pairs>, or use warn or fail");
        }
        RunResult run = measure(extension);
        getLog().info("perfgate: measured " + run.overall().stats().count() + " requests in " + run.trials().size()
                + " trial(s); " + outputDirectory.toPath().resolve("run.json"));
        run.flags().forEach(f -> getLog().warn("perfgate: not a valid measurement: " + f));
    }

    /** All the remaining trials up to the cap when a relative check is inconclusive for want of trials. */
    private TrialExtension.Extension extendWhileInconclusive(RunResult interim, DecisionSettings settings) {
        if (interim.flagged() || !Files.exists(baselineFile.toPath())) {
            return null;
        }
        RunResult baseline;
        List<Gate> parsed;
        try {
            baseline = RunJson.read(baselineFile.toPath());
            parsed = parseGates(interim.requests().keySet());
        } catch (RunFileException | MojoExecutionException e) {
            return null; // perfgate:check reports it; more trials would not help
        }
        Verdict verdict = GateEvaluator.evaluate(parsed, interim, baseline, BaselineState.PRESENT,
                RECORD_BASELINE_COMMAND, settings);
        List<GateOutcome> wanting = verdict.outcomes().stream()
                .filter(o -> o.status() == Status.INCONCLUSIVE && o.statistics() != null
                        && !o.statistics().noisy())
                .toList();
        if (wanting.isEmpty()) {
            return null;
        }
        String which = String.join(", ", wanting.stream()
                .map(o -> o.gate().describe() + " (" + o.statistics().finding() + ")").toList());
        return new TrialExtension.Extension(trialCap() - interim.trials().size(),
                wanting.size() + " relative check(s) inconclusive: " + which);
    }
}
