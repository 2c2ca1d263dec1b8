package dev.perfgate.goal;

import dev.perfgate.run.AbPlan;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.stats.PairOrder;
import dev.perfgate.stats.PairedRatioTest;
import dev.perfgate.version.BaselineRefs;
import dev.perfgate.version.BaselineSource;
import dev.perfgate.version.BaselineVersion;
import dev.perfgate.version.BaselineVersionException;
import dev.perfgate.version.ExplicitBaseline;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules of interleaved A/B ({@code <baselineRef>} and friends): which baseline version, how many pairs, and what
 * the service must allow. The version itself is built or resolved only after the whole configuration is valid.
 */
final class AbPlanner {
    private AbPlanner() {
    }

    /** What was checked before any build: the git ref to build, or the jar or command given. */
    record Choice(AbConfig config, String ref, BaselineSource given) {
    }

    /**
     * @param service whether the candidate is a service perfgate starts
     * @param port    the candidate's fixed port, or 0
     * @param alpha   the relative checks' α, for the fewest pairs that can reach it
     * @return the choice, or null when there is no baseline version or it is invalid (problems added)
     */
    static Choice check(AbConfig ab, boolean service, int port, double alpha, Path baselineFile,
            List<String> problems) {
        int named = ab.named();
        if (named == 0) {
            return null;
        }
        int before = problems.size();
        if (named > 1) {
            problems.add("set one of <baselineRef>, <baselineArtifact>, <baselineJar> or <baselineCommand>, not "
                    + named);
        }
        if (!service) {
            problems.add("a baseline version runs beside the candidate, which needs a <service> (with <command>, "
                    + "<jar> or <mainClass>) for perfgate to start");
        }
        if (ab.pairs() < 1) {
            problems.add("<pairs> is " + ab.pairs() + "; give at least " + pairsNeeded(alpha) + " (the fewest that "
                    + "can reach alpha " + alpha + ")");
        }
        if (port != 0) {
            problems.add("<service><port> is fixed at " + port + ", but interleaved A/B runs the baseline version "
                    + "beside the service; leave <port> out so each gets a free port (${perfgate.port})");
        }
        String ref = null;
        BaselineSource given = null;
        try {
            if (ab.byRef()) {
                ref = BaselineRefs.resolve(ab.baselineRef(), baselineFile);
            } else if (ab.baselineJar() != null) {
                given = ExplicitBaseline.jar(ab.baselineJar());
            } else if (ab.byCommand()) {
                given = ExplicitBaseline.command(ab.baselineCommand());
            }
        } catch (BaselineVersionException e) {
            problems.add(e.getMessage());
        }
        return problems.size() > before ? null : new Choice(ab, ref, given);
    }

    /** The baseline version, built or resolved now, launched like the candidate; and the order of the pairs. */
    static AbPlan plan(Choice choice, ServiceSpec candidate, BuildContext context) throws PlanningException {
        AbConfig ab = choice.config();
        BaselineSource source = choice.given() != null ? choice.given()
                : choice.ref() != null ? context.gitBaseline(choice.ref())
                : context.artifactBaseline(ab.baselineArtifact(), candidate.launch() instanceof ServiceSpec.MainClass);
        ServiceSpec baselineService;
        try {
            baselineService = source.serviceSpec(candidate);
        } catch (BaselineVersionException e) {
            throw new PlanningException(e.getMessage(), e);
        }
        long seed = ab.pairSeed() != null ? ab.pairSeed() : System.nanoTime();
        String commit = source instanceof BaselineVersion version ? version.commit() : null;
        return new AbPlan(baselineService, source.description(), commit, PairOrder.baselineFirst(ab.pairs(), seed),
                seed);
    }

    private static int pairsNeeded(double alpha) {
        return alpha > 0 && alpha < 1 ? PairedRatioTest.pairsNeeded(alpha) : PairedRatioTest.pairsNeeded(0.01);
    }
}
