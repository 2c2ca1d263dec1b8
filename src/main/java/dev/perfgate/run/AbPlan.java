package dev.perfgate.run;

import dev.perfgate.service.ServiceSpec;
import java.util.List;
import java.util.Objects;

/**
 * The interleaved A/B part of a measurement: the baseline version of the service, started beside the candidate,
 * and the order in which their trials alternate.
 *
 * @param baselineService the baseline version's launch (its own log file, the same JVM options and JFR settings)
 * @param baselineVersion what it is, for reports: "git 1a2b3c4 (origin/main)", "com.acme:shop:1.4.2"
 * @param baselineCommit  the baseline version's commit when known (recorded as its run's gitCommit), or null
 * @param baselineFirst   per pair, whether the baseline's trial runs first (ABBA blocks, see PairOrder)
 * @param seed            the seed the order was drawn with
 */
public record AbPlan(ServiceSpec baselineService, String baselineVersion, String baselineCommit,
        List<Boolean> baselineFirst, long seed) {
    public static final String BASELINE_RUN_FILE = "ab-baseline.json";
    public static final String BASELINE_SERVICE_LOG = "baseline-service.log";
    /** Trial files of the baseline version: baseline-trial-N.hlog / .jfr. */
    static final String BASELINE_PREFIX = "baseline-";

    public AbPlan {
        Objects.requireNonNull(baselineService, "baselineService");
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        baselineFirst = List.copyOf(baselineFirst);
        if (baselineFirst.isEmpty()) {
            throw new IllegalArgumentException("an interleaved A/B measurement needs at least one pair");
        }
    }

    public int pairs() {
        return baselineFirst.size();
    }

    /** "AB" (baseline first) or "BA" per pair, as run.json records it. */
    List<String> order() {
        return baselineFirst.stream().map(b -> b ? "AB" : "BA").toList();
    }
}
