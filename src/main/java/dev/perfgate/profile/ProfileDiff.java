package dev.perfgate.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Which methods took a different share of the CPU samples in a candidate than in a baseline. A method is a
 * root-cause candidate only when its share moved by more than one percentage point and a two-proportion test on
 * the sample counts gives |z| &gt; 3: with a few hundred samples a share jumps by points by chance alone, and with
 * millions the smallest drift is "significant" without mattering.
 */
public final class ProfileDiff {
    static final double MIN_Z = 3;
    static final double MIN_POINTS = 0.01;

    private ProfileDiff() {
    }

    /**
     * @param kind          "self" (the method itself ran) or "total" (it, or what it called, ran)
     * @param name          the method
     * @param baselineCount samples in the baseline
     * @param baselineShare share of the baseline's Java samples
     * @param count         samples in the candidate
     * @param share         share of the candidate's Java samples
     * @param z             signed z of the two-proportion test: positive when the candidate spends more there
     */
    public record Finding(String kind, String name, long baselineCount, double baselineShare, long count,
            double share, double z) {

        /** "com.acme.Search.findAll self time 3.0 % → 41.0 % of CPU samples (12 → 164 samples, z = 17.2)". */
        public String describe() {
            return String.format(Locale.ROOT, "%s %s time %.1f %% → %.1f %% of CPU samples (%d → %d samples, z = %.1f)",
                    name, kind, 100 * baselineShare, 100 * share, baselineCount, count, z);
        }
    }

    /** Findings, most significant first: methods that got hotter before those that got cooler, each by |z|. */
    public static List<Finding> compare(ProfileSummary baseline, ProfileSummary candidate) {
        List<Finding> findings = new ArrayList<>();
        if (baseline == null || candidate == null || baseline.javaSamples() == 0 || candidate.javaSamples() == 0) {
            return findings;
        }
        findings.addAll(compare("self", baseline.selfTop(), baseline.javaSamples(), candidate.selfTop(),
                candidate.javaSamples()));
        findings.addAll(compare("total", baseline.totalTop(), baseline.javaSamples(), candidate.totalTop(),
                candidate.javaSamples()));
        findings.sort(Comparator.comparing((Finding f) -> f.z() < 0).thenComparing(f -> -Math.abs(f.z())));
        return findings;
    }

    private static List<Finding> compare(String kind, List<ProfileSummary.Count> base, long baseSamples,
            List<ProfileSummary.Count> cand, long candSamples) {
        Map<String, Long> b = base.stream().collect(Collectors.toMap(ProfileSummary.Count::name,
                ProfileSummary.Count::value, Long::sum));
        Map<String, Long> c = cand.stream().collect(Collectors.toMap(ProfileSummary.Count::name,
                ProfileSummary.Count::value, Long::sum));
        Set<String> names = new HashSet<>(b.keySet());
        names.addAll(c.keySet());
        List<Finding> out = new ArrayList<>();
        for (String name : names) {
            // a name outside a summary's top list had fewer samples than its last entry; 0 is the safe reading
            long x1 = b.getOrDefault(name, 0L);
            long x2 = c.getOrDefault(name, 0L);
            double p1 = x1 / (double) baseSamples;
            double p2 = x2 / (double) candSamples;
            if (Math.abs(p2 - p1) <= MIN_POINTS || x1 + x2 == baseSamples + candSamples) {
                continue;
            }
            long[][] table = {{x1, baseSamples - x1}, {x2, candSamples - x2}};
            // for a 2×2 table the chi-square statistic is the square of the two-proportion z
            double z = Math.signum(p2 - p1) * Math.sqrt(ChiSquareTest.withDefaults().statistic(table));
            if (Math.abs(z) > MIN_Z) {
                out.add(new Finding(kind, name, x1, p1, x2, p2, z));
            }
        }
        return out;
    }

    /** Keeps the first finding per method: a method hot in itself is reported by self, not again by total. */
    public static List<Finding> distinctMethods(List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        return findings.stream().filter(f -> seen.add(f.name())).collect(Collectors.toList());
    }

}
