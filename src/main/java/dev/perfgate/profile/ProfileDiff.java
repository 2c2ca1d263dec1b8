package dev.perfgate.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * What changed between a baseline's profile and a candidate's, as root-cause candidates: methods that took a
 * different share of the CPU samples, classes and code sites that took a different share of the allocated bytes,
 * lock sites, I/O sites and GC that took a different share of the request time.
 *
 * <p>A change is a candidate only when it is both large and real: its share moved by more than one percentage
 * point, and a test on the event counts gives |z| &gt; 3. With a few hundred samples a share jumps by points by
 * chance alone, and with millions the smallest drift is "significant" without mattering.
 *
 * <p>Two tests, because the counts mean different things. CPU and allocation samples are parts of a whole (each
 * sample belongs to one method or class), so a two-proportion test compares the share of the samples. Lock waits,
 * I/O events and collections are not parts of anything: they are compared as rates per request (per millisecond of
 * measured time when either side lacks a request count) with the conditional binomial test for two Poisson rates.
 */
public final class ProfileDiff {
    static final double MIN_Z = 3;
    static final double MIN_POINTS = 0.01;
    /**
     * Both tests are normal approximations, which need enough events: below this, a handful of heavy allocation
     * samples (each can carry megabytes of weight) would pass for a finding.
     */
    static final long MIN_EVENTS = 20;
    /** Fewer allocation samples than this on a side, and its shares say too little: rates per request decide. */
    static final long MIN_ALLOCATION_SAMPLES = 100;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ProfileDiff() {
    }

    /** What a finding is about, and the words that describe it. */
    public enum Kind {
        SELF_TIME("self time", "of CPU samples", "samples"),
        TOTAL_TIME("total time", "of CPU samples", "samples"),
        // sites before classes: on equal evidence the code that did it says more than the class it did it to
        ALLOCATION_SITE("allocation", "of allocated bytes", "samples"),
        ALLOCATED_CLASS("allocation", "of allocated bytes", "samples"),
        MONITOR_SITE("lock wait", "of the request time", "waits"),
        MONITOR_CLASS("lock wait", "of the request time", "waits"),
        PARK_SITE("park wait", "of the request time", "waits"),
        PARK_CLASS("park wait", "of the request time", "waits"),
        IO("I/O", "of the request time", "events"),
        GC("GC pauses", "of the time", "collections");

        private final String what;
        private final String ofWhat;
        private final String events;

        Kind(String what, String ofWhat, String events) {
            this.what = what;
            this.ofWhat = ofWhat;
            this.events = events;
        }

        /** "self-time", "allocated-class", "monitor-site" ...: stable names for machines. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** "self time", "allocation", "lock wait" ... */
        public String what() {
            return what;
        }

        /** What the share is a share of. */
        public String ofWhat() {
            return ofWhat;
        }

    }

    /**
     * @param kind          what changed
     * @param name          the method, class, site ("socket read: com.acme.Dao.find") or "GC"
     * @param baselineCount events in the baseline (samples, waits, collections)
     * @param baselineShare the baseline's share (of CPU samples, of allocated bytes, of the request time)
     * @param count         events in the candidate
     * @param share         the candidate's share
     * @param z             signed z: positive when the candidate spends more there
     * @param ofWallTime    the shares are of wall-clock time, not of the request time (no request count known)
     * @param addedMillis   estimated time per request this change added (negative: saved), or null when the
     *                      profiles cannot tell (no request counts; allocation, which costs time only through the
     *                      CPU and GC findings; total time, which repeats its callees' self time)
     */
    public record Finding(Kind kind, String name, long baselineCount, double baselineShare, long count,
            double share, double z, boolean ofWallTime, Double addedMillis) {

        Finding withAddedMillis(Double millis) {
            return new Finding(kind, name, baselineCount, baselineShare, count, share, z, ofWallTime, millis);
        }

        /**
         * One line: "com.acme.Search.findAll self time 3.0 % → 41.0 % of CPU samples (12 → 164 samples, z = 17.2)",
         * "lock wait at com.acme.Cache.get 0.0 % → 31.0 % of the request time (0 → 850 waits, z = 29.0)".
         */
        public String describe() {
            String of = ofWallTime && kind.ofWhat.equals("of the request time") ? "of the wall time" : kind.ofWhat;
            String subject = switch (kind) {
                case SELF_TIME, TOTAL_TIME -> name + " " + kind.what;
                case ALLOCATED_CLASS -> "allocation of " + name;
                case MONITOR_CLASS, PARK_CLASS -> kind.what + " on " + name;
                case ALLOCATION_SITE, MONITOR_SITE, PARK_SITE -> kind.what + " at " + name;
                case IO -> name;
                case GC -> kind.what;
            };
            String added = addedMillis == null ? "" : String.format(Locale.ROOT, "; %+.1f ms per request",
                    addedMillis);
            return String.format(Locale.ROOT, "%s %.1f %% → %.1f %% %s (%d → %d %s, z = %.1f%s)", subject,
                    100 * baselineShare, 100 * share, of, baselineCount, count, kind.events, z, added);
        }
    }

    /**
     * Findings, what got hotter first. Among those, the ones whose cost per request the profiles can estimate come
     * first, most milliseconds first: a gate fails on time, and a lock that adds 20 ms matters more than a
     * significant shift in what is allocated. The rest follow by |z|.
     */
    public static List<Finding> compare(ProfileSummary baseline, ProfileSummary candidate) {
        List<Finding> findings = new ArrayList<>();
        if (baseline == null || candidate == null) {
            return findings;
        }
        if (baseline.javaSamples() > 0 && candidate.javaSamples() > 0) {
            findings.addAll(shares(Kind.SELF_TIME, counts(baseline.selfTop()), baseline.javaSamples(),
                    counts(candidate.selfTop()), candidate.javaSamples()));
            findings.addAll(shares(Kind.TOTAL_TIME, counts(baseline.totalTop()), baseline.javaSamples(),
                    counts(candidate.totalTop()), candidate.javaSamples()));
        }
        Exposure exposure = Exposure.of(baseline, candidate);
        if (baseline.allocationSamples() > 0 || candidate.allocationSamples() > 0) {
            findings.addAll(allocation(Kind.ALLOCATED_CLASS, baseline, candidate, ProfileSummary::allocationByClass,
                    exposure));
            findings.addAll(allocation(Kind.ALLOCATION_SITE, baseline, candidate, ProfileSummary::allocationBySite,
                    exposure));
        }
        if (exposure != null) {
            findings.addAll(waits(Kind.MONITOR_CLASS, baseline.monitorByClass(), candidate.monitorByClass(), exposure));
            findings.addAll(waits(Kind.MONITOR_SITE, baseline.monitorBySite(), candidate.monitorBySite(), exposure));
            findings.addAll(waits(Kind.PARK_CLASS, baseline.parkByClass(), candidate.parkByClass(), exposure));
            findings.addAll(waits(Kind.PARK_SITE, baseline.parkBySite(), candidate.parkBySite(), exposure));
            findings.addAll(waits(Kind.IO, baseline.io(), candidate.io(), exposure));
            gc(baseline, candidate, exposure).ifPresent(findings::add);
        }
        List<Finding> costed = findings.stream().map(f -> f.withAddedMillis(addedMillis(f, baseline, candidate)))
                .sorted(Comparator.comparing((Finding f) -> f.z() < 0)
                        .thenComparing(f -> f.addedMillis() == null)
                        .thenComparing(f -> f.addedMillis() == null ? -Math.abs(f.z()) : -f.addedMillis())
                        .thenComparing(Finding::kind))
                .collect(Collectors.toList());
        return costed;
    }

    /** Share × the time it is a share of, on each side: CPU per request for self time, service time for waits. */
    private static Double addedMillis(Finding f, ProfileSummary baseline, ProfileSummary candidate) {
        switch (f.kind()) {
            case SELF_TIME -> {
                Double before = cpuPerRequest(baseline);
                Double after = cpuPerRequest(candidate);
                return before == null || after == null ? null : f.share() * after - f.baselineShare() * before;
            }
            case MONITOR_CLASS, MONITOR_SITE, PARK_CLASS, PARK_SITE, IO, GC -> {
                if (f.ofWallTime() || baseline.meanServiceMillis() == null || candidate.meanServiceMillis() == null) {
                    return null;
                }
                return f.share() * candidate.meanServiceMillis() - f.baselineShare() * baseline.meanServiceMillis();
            }
            default -> {
                return null;
            }
        }
    }

    private static Double cpuPerRequest(ProfileSummary p) {
        return p.bottleneck() == null ? null : p.bottleneck().cpuMillisPerRequest();
    }

    private static Map<String, Long> counts(List<ProfileSummary.Count> counts) {
        return counts.stream().collect(Collectors.toMap(ProfileSummary.Count::name, ProfileSummary.Count::value,
                Long::sum));
    }

    private static List<Finding> shares(Kind kind, Map<String, Long> base, long baseTotal, Map<String, Long> cand,
            long candTotal) {
        List<Finding> out = new ArrayList<>();
        for (String name : union(base.keySet(), cand.keySet())) {
            // a name outside a summary's top list had fewer samples than its last entry; 0 is the safe reading
            long x1 = base.getOrDefault(name, 0L);
            long x2 = cand.getOrDefault(name, 0L);
            double p1 = x1 / (double) baseTotal;
            double p2 = x2 / (double) candTotal;
            if (Math.abs(p2 - p1) <= MIN_POINTS || x1 + x2 < MIN_EVENTS) {
                continue;
            }
            double z = twoProportionZ(x1, baseTotal, x2, candTotal);
            if (Math.abs(z) > MIN_Z) {
                out.add(new Finding(kind, name, x1, p1, x2, p2, z, false, null));
            }
        }
        return out;
    }

    /**
     * The share of the bytes is what matters (one sample of a 1 MB array weighs more than a hundred small
     * objects); the share of the samples is what can be tested. A candidate needs both to move the same way. When
     * a side sampled little allocation (a service that allocates little fills few TLABs, and JFR samples at TLAB
     * refills: a quiet baseline can have 0 or 3 samples) its shares are no evidence — 0 of 3 is no proof of a new
     * allocation — so the samples per request are compared instead, as rates, and only for a class or site with
     * at least that many samples on one side: below it, how often JFR samples follows TLAB sizing more than bytes.
     */
    private static List<Finding> allocation(Kind kind, ProfileSummary baseline, ProfileSummary candidate,
            Function<ProfileSummary, List<ProfileSummary.Site>> sites, Exposure exposure) {
        boolean bothSampled = baseline.allocationSamples() >= MIN_ALLOCATION_SAMPLES
                && candidate.allocationSamples() >= MIN_ALLOCATION_SAMPLES;
        if (!bothSampled && exposure == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (SitePair pair : SitePair.of(sites.apply(baseline), sites.apply(candidate))) {
            String name = pair.name();
            long x1 = pair.baselineEvents();
            long x2 = pair.events();
            double p1 = baseline.allocationBytes() == 0 ? 0 : pair.baselineValue() / baseline.allocationBytes();
            double p2 = candidate.allocationBytes() == 0 ? 0 : pair.value() / candidate.allocationBytes();
            if (Math.abs(p2 - p1) <= MIN_POINTS || x1 + x2 < MIN_EVENTS) {
                continue;
            }
            if (!bothSampled && Math.max(x1, x2) < MIN_ALLOCATION_SAMPLES) {
                // at low allocation rates the sample count follows TLAB sizing, not bytes: 2 → 25 samples of
                // byte[] happened between two runs of the same code
                continue;
            }
            double z = bothSampled
                    ? twoProportionZ(x1, baseline.allocationSamples(), x2, candidate.allocationSamples())
                    : rateZ(x1, exposure.baselineUnits(), x2, exposure.candidateUnits());
            if (Math.abs(z) > MIN_Z && Math.signum(z) == Math.signum(p2 - p1)) {
                out.add(new Finding(kind, name, x1, p1, x2, p2, z, false, null));
            }
        }
        return out;
    }

    private static List<Finding> waits(Kind kind, List<ProfileSummary.Site> baseline,
            List<ProfileSummary.Site> candidate, Exposure exposure) {
        List<Finding> out = new ArrayList<>();
        for (SitePair pair : SitePair.of(baseline, candidate)) {
            String name = pair.name();
            long x1 = pair.baselineEvents();
            long x2 = pair.events();
            double p1 = pair.baselineValue() / exposure.baselineTime();
            double p2 = pair.value() / exposure.candidateTime();
            if (Math.abs(p2 - p1) <= MIN_POINTS || x1 + x2 < MIN_EVENTS) {
                continue;
            }
            double z = rateZ(x1, exposure.baselineUnits(), x2, exposure.candidateUnits());
            if (Math.abs(z) > MIN_Z && Math.signum(z) == Math.signum(p2 - p1)) {
                out.add(new Finding(kind, name, x1, p1, x2, p2, z, exposure.wallTime(), null));
            }
        }
        return out;
    }

    /** GC pause time is a share of the measured time: a pause stops every request in flight. */
    private static Optional<Finding> gc(ProfileSummary baseline, ProfileSummary candidate,
            Exposure exposure) {
        if (baseline.measuredMillis() <= 0 || candidate.measuredMillis() <= 0) {
            return Optional.empty();
        }
        long x1 = baseline.gc().collections();
        long x2 = candidate.gc().collections();
        double p1 = baseline.gc().totalPauseMillis() / baseline.measuredMillis();
        double p2 = candidate.gc().totalPauseMillis() / candidate.measuredMillis();
        double z = rateZ(x1, exposure.baselineUnits(), x2, exposure.candidateUnits());
        if (Math.abs(p2 - p1) <= MIN_POINTS || x1 + x2 < MIN_EVENTS || Math.abs(z) <= MIN_Z
                || Math.signum(z) != Math.signum(p2 - p1)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Kind.GC, "GC", x1, p1, x2, p2, z, false, null));
    }

    /**
     * What waits are counted against: requests and the time they spent in the service when both sides know them,
     * else milliseconds of measured time (then shares are of the wall time: threads waiting on average).
     */
    private record Exposure(double baselineUnits, double candidateUnits, double baselineTime, double candidateTime,
            boolean wallTime) {
        static Exposure of(ProfileSummary baseline, ProfileSummary candidate) {
            Double baseRequestMillis = baseline.requestMillis();
            Double candRequestMillis = candidate.requestMillis();
            if (baseRequestMillis != null && candRequestMillis != null && baseRequestMillis > 0
                    && candRequestMillis > 0) {
                return new Exposure(baseline.requests(), candidate.requests(), baseRequestMillis, candRequestMillis,
                        false);
            }
            if (baseline.measuredMillis() > 0 && candidate.measuredMillis() > 0) {
                return new Exposure(baseline.measuredMillis(), candidate.measuredMillis(), baseline.measuredMillis(),
                        candidate.measuredMillis(), true);
            }
            return null;
        }
    }

    /**
     * Signed z of a two-proportion test, x1 of n1 against x2 of n2. For a 2×2 table the chi-square statistic is the
     * square of the two-proportion z; when a cell expects fewer than five counts (a baseline with 16 samples) that
     * approximation fails, and Fisher's exact test decides, its p-value told as the z of the same two-sided p.
     */
    static double twoProportionZ(long x1, long n1, long x2, long n2) {
        if (x1 + x2 == 0 || x1 + x2 == n1 + n2) {
            return 0;
        }
        double sign = Math.signum(x2 / (double) n2 - x1 / (double) n1);
        long[][] table = {{x1, n1 - x1}, {x2, n2 - x2}};
        double total = n1 + n2;
        double smallestExpected = Math.min(Math.min(x1 + x2, n1 + n2 - x1 - x2), Math.min(n1, n2))
                * (double) Math.min(n1, n2) / total;
        if (smallestExpected >= 5 || total > Integer.MAX_VALUE) {
            return sign * Math.sqrt(ChiSquareTest.withDefaults().statistic(table));
        }
        int[][] counts = {{(int) x1, (int) (n1 - x1)}, {(int) x2, (int) (n2 - x2)}};
        return sign * zOfTwoSided(FisherExactTest.withDefaults().test(counts).getPValue());
    }

    /**
     * Two Poisson rates x1/e1 and x2/e2: given x1 + x2 events, x2 is binomial with p = e2 / (e1 + e2) when the
     * rates are equal. The exact binomial test decides (few waits are common: 0 against 25), told as a signed z.
     */
    static double rateZ(long x1, double e1, long x2, double e2) {
        long n = x1 + x2;
        if (n == 0 || e1 <= 0 || e2 <= 0) {
            return 0;
        }
        double p = e2 / (e1 + e2);
        double sign = Math.signum(x2 - n * p);
        if (sign == 0) {
            return 0;
        }
        if (n > Integer.MAX_VALUE) {
            return (x2 - n * p) / Math.sqrt(n * p * (1 - p));
        }
        double pValue = BinomialTest.withDefaults().test((int) n, (int) x2, p).getPValue();
        return sign * zOfTwoSided(pValue);
    }

    /** The |z| whose two-sided normal p-value is {@code p}: |z| > 3 is p < 0.0027. */
    static double zOfTwoSided(double p) {
        if (p >= 1) {
            return 0;
        }
        // far tails: p underflows to 0 long before the evidence stops growing; 38 is where doubles end
        return p <= 0 ? 38 : STANDARD_NORMAL.inverseSurvivalProbability(p / 2);
    }

    /** One name's events and weight on both sides; zero on a side whose top list lacks it. */
    private record SitePair(String name, long baselineEvents, double baselineValue, long events, double value) {
        static List<SitePair> of(List<ProfileSummary.Site> baseline, List<ProfileSummary.Site> candidate) {
            Map<String, ProfileSummary.Site> base = byName(baseline);
            Map<String, ProfileSummary.Site> cand = byName(candidate);
            List<SitePair> pairs = new ArrayList<>();
            for (String name : union(base.keySet(), cand.keySet())) {
                ProfileSummary.Site b = base.get(name);
                ProfileSummary.Site c = cand.get(name);
                pairs.add(new SitePair(name, b == null ? 0 : b.events(), b == null ? 0 : b.value(),
                        c == null ? 0 : c.events(), c == null ? 0 : c.value()));
            }
            return pairs;
        }

        private static Map<String, ProfileSummary.Site> byName(List<ProfileSummary.Site> sites) {
            return sites.stream().collect(Collectors.toMap(ProfileSummary.Site::name, s -> s,
                    (a, b) -> new ProfileSummary.Site(a.name(), a.events() + b.events(), a.value() + b.value())));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> names = new HashSet<>(a);
        names.addAll(b);
        return names;
    }

    /** Keeps the first finding per name: a method hot in itself is reported by self, not again by total. */
    public static List<Finding> distinctMethods(List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        return findings.stream().filter(f -> seen.add(f.name())).collect(Collectors.toList());
    }
}
