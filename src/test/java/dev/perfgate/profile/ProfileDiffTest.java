package dev.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {

    private static ProfileSummary.Count c(String name, long value) {
        return new ProfileSummary.Count(name, value);
    }

    private static ProfileSummary.Site s(String name, long events, double value) {
        return new ProfileSummary.Site(name, events, value);
    }

    private static ProfileSummary profile(long samples, List<ProfileSummary.Count> self,
            List<ProfileSummary.Count> total) {
        return new ProfileSummary(0, 1, 10_000, samples, 0, self, total, List.of(), 0, 0, List.of(), List.of(),
                null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null,
                List.of());
    }

    /** A profile with only allocation figures. */
    private static ProfileSummary allocation(long samples, long bytes, List<ProfileSummary.Site> byClass) {
        return new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), samples, bytes, byClass,
                List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, null,
                null, List.of());
    }

    /** A profile with lock waits and GC, with or without the load (requests, mean service time). */
    private static ProfileSummary waits(List<ProfileSummary.Site> monitorSites, ProfileSummary.Gc gc, Long requests,
            Double meanMillis) {
        return new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 0, 0, List.of(), List.of(),
                gc, List.of(), monitorSites, List.of(), List.of(), List.of(), null, null, null, requests, meanMillis,
                null, List.of());
    }

    @Test
    void aMethodThatGotHotIsTheFirstCandidate() {
        ProfileSummary base = profile(1000, List.of(c("com.acme.Search.findAll", 30), c("io.Net.read", 500)),
                List.of(c("com.acme.Search.findAll", 30), c("java.lang.Thread.run", 1000)));
        ProfileSummary cand = profile(1000, List.of(c("com.acme.Search.findAll", 410), c("io.Net.read", 300)),
                List.of(c("com.acme.Search.findAll", 410), c("java.lang.Thread.run", 1000)));
        List<ProfileDiff.Finding> findings = ProfileDiff.compare(base, cand);
        ProfileDiff.Finding top = findings.get(0);
        assertThat(top.name()).isEqualTo("com.acme.Search.findAll");
        assertThat(top.z()).isGreaterThan(17);
        // z from the chi-square statistic equals the textbook two-proportion z
        double p = (30 + 410) / 2000.0;
        double z = (0.41 - 0.03) / Math.sqrt(p * (1 - p) * (2 / 1000.0));
        assertThat(top.z()).isCloseTo(z, within(1e-9));
        assertThat(top.describe()).isEqualTo(String.format(java.util.Locale.ROOT,
                "com.acme.Search.findAll self time 3.0 %% → 41.0 %% of CPU samples (30 → 410 samples, z = %.1f)", z));
        // the cooler method comes after every hotter one; Thread.run (100 % on both sides) is no finding
        assertThat(findings).extracting(ProfileDiff.Finding::name).containsExactly("com.acme.Search.findAll",
                "com.acme.Search.findAll", "io.Net.read");
        assertThat(ProfileDiff.distinctMethods(findings)).extracting(ProfileDiff.Finding::kind)
                .containsExactly(ProfileDiff.Kind.SELF_TIME, ProfileDiff.Kind.SELF_TIME);
    }

    @Test
    void theSameProfileHasNoCandidates() {
        ProfileSummary p = profile(800, List.of(c("a.B.c", 400), c("a.B.d", 100)), List.of(c("a.B.c", 400)));
        assertThat(ProfileDiff.compare(p, p)).isEmpty();
    }

    @Test
    void aSignificantButTinyShiftIsNoCandidate() {
        // 0.9 points on 100 000 samples: z ≈ 5, but it does not matter
        ProfileSummary base = profile(100_000, List.of(c("a.B.c", 20_000)), List.of());
        ProfileSummary cand = profile(100_000, List.of(c("a.B.c", 20_900)), List.of());
        assertThat(ProfileDiff.compare(base, cand)).isEmpty();
    }

    @Test
    void aLargeShiftOnFewSamplesIsNoCandidate() {
        // 2 of 40 → 6 of 40: ten points, but chance at this sample count
        ProfileSummary base = profile(40, List.of(c("a.B.c", 2)), List.of());
        ProfileSummary cand = profile(40, List.of(c("a.B.c", 6)), List.of());
        assertThat(ProfileDiff.compare(base, cand)).isEmpty();
    }

    @Test
    void aMethodNewInTheCandidateIsFound() {
        ProfileSummary base = profile(1000, List.of(c("a.B.c", 500)), List.of());
        ProfileSummary cand = profile(1000, List.of(c("a.B.c", 450), c("a.New.hot", 80)), List.of());
        assertThat(ProfileDiff.compare(base, cand)).first().satisfies(f -> {
            assertThat(f.name()).isEqualTo("a.New.hot");
            assertThat(f.baselineCount()).isZero();
        });
    }

    @Test
    void noProfileOrNoSamplesMeansNoFindings() {
        ProfileSummary p = profile(1000, List.of(c("a.B.c", 500)), List.of());
        assertThat(ProfileDiff.compare(null, p)).isEmpty();
        assertThat(ProfileDiff.compare(p, profile(0, List.of(), List.of()))).isEmpty();
    }

    @Test
    void aClassThatTookMoreOfTheAllocatedBytesIsACandidate() {
        ProfileSummary base = allocation(1000, 100_000_000, List.of(s("byte[]", 600, 60e6), s("a.Row", 400, 40e6)));
        ProfileSummary cand = allocation(1000, 300_000_000,
                List.of(s("a.Buffer", 500, 200e6), s("byte[]", 300, 60e6), s("a.Row", 200, 40e6)));
        List<ProfileDiff.Finding> findings = ProfileDiff.compare(base, cand);
        assertThat(findings.get(0).kind()).isEqualTo(ProfileDiff.Kind.ALLOCATED_CLASS);
        assertThat(findings.get(0).name()).isEqualTo("a.Buffer");
        assertThat(findings.get(0).describe()).startsWith("allocation of a.Buffer 0.0 % → 66.7 % of allocated bytes");
    }

    @Test
    void aShareOfBytesThatMovesAgainstTheSamplesIsNoCandidate() {
        // more samples of Row, but a smaller share of the bytes: the evidence disagrees with itself
        ProfileSummary base = allocation(1000, 100_000_000, List.of(s("a.Row", 300, 40e6), s("b", 700, 60e6)));
        ProfileSummary cand = allocation(1000, 100_000_000, List.of(s("a.Row", 500, 30e6), s("b", 500, 70e6)));
        assertThat(ProfileDiff.compare(base, cand)).extracting(ProfileDiff.Finding::name).doesNotContain("a.Row");
    }

    @Test
    void aNewContendedLockIsACandidatePerRequest() {
        ProfileSummary base = waits(List.of(), null, 10_000L, 5.0);
        ProfileSummary cand = waits(List.of(s("com.acme.Cache.get", 400, 8_000)), null, 10_000L, 6.0);
        List<ProfileDiff.Finding> findings = ProfileDiff.compare(base, cand);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ProfileDiff.Kind.MONITOR_SITE);
            // 8 000 ms of waits over 10 000 requests × 6 ms
            assertThat(f.share()).isCloseTo(8_000 / 60_000.0, within(1e-9));
            assertThat(f.z()).isGreaterThan(3);
            assertThat(f.describe()).startsWith("lock wait at com.acme.Cache.get 0.0 % → 13.3 % of the request time"
                    + " (0 → 400 waits");
        });
    }

    @Test
    void theSameWaitRateOnMoreRequestsIsNoCandidate() {
        // twice the requests, twice the waits: the rate per request did not change
        ProfileSummary base = waits(List.of(s("a.L.lock", 100, 2_000)), null, 10_000L, 5.0);
        ProfileSummary cand = waits(List.of(s("a.L.lock", 200, 4_000)), null, 20_000L, 5.0);
        assertThat(ProfileDiff.compare(base, cand)).isEmpty();
        assertThat(ProfileDiff.rateZ(100, 10_000, 200, 20_000)).isCloseTo(0, within(1e-9));
    }

    @Test
    void withoutRequestCountsWaitsAreSharesOfTheWallTime() {
        ProfileSummary base = waits(List.of(), null, null, null);
        ProfileSummary cand = waits(List.of(s("a.L.lock", 300, 3_000)), null, null, null);
        ProfileDiff.Finding f = ProfileDiff.compare(base, cand).get(0);
        assertThat(f.ofWallTime()).isTrue();
        assertThat(f.share()).isCloseTo(0.3, within(1e-9));
        assertThat(f.describe()).contains("of the wall time");
    }

    @Test
    void moreGcPausesAreACandidate() {
        ProfileSummary base = waits(List.of(), new ProfileSummary.Gc(5, 20, 6, List.of()), 10_000L, 5.0);
        ProfileSummary cand = waits(List.of(), new ProfileSummary.Gc(60, 900, 40, List.of()), 10_000L, 5.0);
        ProfileDiff.Finding f = ProfileDiff.compare(base, cand).get(0);
        assertThat(f.kind()).isEqualTo(ProfileDiff.Kind.GC);
        assertThat(f.share()).isCloseTo(0.09, within(1e-9));
        assertThat(f.describe()).startsWith("GC pauses 0.2 % → 9.0 % of the time (5 → 60 collections");
    }

    @Test
    void allocationNewInTheCandidateIsFoundWhenTheBaselineSampledNone() {
        // a quiet baseline fills few TLABs and JFR samples none; the candidate allocates heavily
        ProfileSummary base = new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 0, 0,
                List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null,
                160L, 3.0, null, List.of());
        ProfileSummary cand = new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 2_000, 400_000_000L, List.of(s("long[]", 1_900, 3.8e8), s("a.Request", 100, 2e7)),
                List.of(s("a.Chunk.<init>", 1_900, 3.8e8)), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), null, null, null, 160L, 4.0, null, List.of());
        List<ProfileDiff.Finding> findings = ProfileDiff.compare(base, cand);
        assertThat(findings).extracting(ProfileDiff.Finding::name).contains("long[]", "a.Chunk.<init>");
        assertThat(findings.get(0).share()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void aBaselineWithAHandfulOfAllocationSamplesIsComparedPerRequest() {
        // 0 of 3 baseline samples proves nothing as a share (Fisher: p ≈ 0.02), but 3 → 2 300 samples over the same
        // requests is a different allocation rate beyond doubt
        ProfileSummary base = new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 3, 30_000,
                List.of(s("byte[]", 3, 30_000)), List.of(), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), null, null, null, 160L, 3.0, null, List.of());
        ProfileSummary cand = new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 3_200,
                400_000_000L, List.of(s("a.Chunk", 2_300, 2.8e8), s("byte[]", 900, 1.2e8)), List.of(), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, 160L, 4.0, null, List.of());
        assertThat(ProfileDiff.twoProportionZ(0, 3, 2_300, 3_200)).isLessThan(3);
        assertThat(ProfileDiff.compare(base, cand)).first().satisfies(f -> {
            assertThat(f.name()).isEqualTo("a.Chunk");
            assertThat(f.z()).isGreaterThan(30);
        });
    }

    @Test
    void aFewMoreAllocationSamplesOfAQuietServiceAreNoCandidate() {
        // seen between two runs of the same code: 2 → 25 samples of byte[], 17.6 % → 49.4 % of the bytes
        ProfileSummary base = new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 12, 1_000_000,
                List.of(s("byte[]", 2, 176_000), s("a.Request", 10, 824_000)), List.of(), null, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, null, 240L, 3.0, null, List.of());
        ProfileSummary cand = new ProfileSummary(0, 1, 10_000, 0, 0, List.of(), List.of(), List.of(), 40, 1_000_000,
                List.of(s("byte[]", 25, 494_000), s("a.Request", 15, 506_000)), List.of(), null, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, null, 240L, 3.0, null, List.of());
        assertThat(ProfileDiff.compare(base, cand)).isEmpty();
    }

    @Test
    void whatAddedTheMostTimePerRequestComesFirst() {
        // a lock adding 0.8 ms per request (huge z) and a CPU hot spot adding 6 ms per request (smaller z)
        Bottleneck cpu = new Bottleneck(Bottleneck.CPU_BOUND, "", 10.0, 0.5, 0.0, 0.0, 0.0);
        ProfileSummary base = new ProfileSummary(0, 1, 10_000, 1_000, 0, List.of(c("a.Hot.run", 100)), List.of(),
                List.of(), 0, 0, List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null, null, 10_000L, 20.0, cpu, List.of());
        ProfileSummary cand = new ProfileSummary(0, 1, 10_000, 1_000, 0, List.of(c("a.Hot.run", 400)), List.of(),
                List.of(), 0, 0, List.of(), List.of(), null, List.of(), List.of(s("a.Lock.take", 5_000, 8_000)),
                List.of(), List.of(), List.of(), null, null, null, 10_000L, 20.0, cpu, List.of());
        List<ProfileDiff.Finding> findings = ProfileDiff.compare(base, cand);
        assertThat(findings).extracting(ProfileDiff.Finding::name).containsExactly("a.Hot.run", "a.Lock.take");
        // self share 10 % → 40 % of 10 ms of CPU per request
        assertThat(findings.get(0).addedMillis()).isCloseTo(3.0, within(1e-9));
        assertThat(findings.get(1).addedMillis()).isCloseTo(0.8, within(1e-9));
        assertThat(findings.get(1).z()).isGreaterThan(findings.get(0).z());
        assertThat(findings.get(0).describe()).endsWith("; +3.0 ms per request)");
    }

    @Test
    void rateZIsTheExactBinomialTestToldAsZ() {
        // 0 vs 20 events on equal exposure: p = 2 × 0.5^20 exactly
        double p = 2 * Math.pow(0.5, 20);
        assertThat(ProfileDiff.rateZ(0, 1, 20, 1)).isCloseTo(
                NormalDistribution.of(0, 1).inverseSurvivalProbability(p / 2), within(1e-9));
        assertThat(ProfileDiff.rateZ(20, 1, 0, 1)).isNegative();
        // large counts: close to the normal approximation (1200 - 1100) / sqrt(2200 × 0.25)
        assertThat(ProfileDiff.rateZ(1000, 1, 1200, 1)).isCloseTo(100 / Math.sqrt(550), within(0.1));
    }

    @Test
    void aShareOnAHandfulOfBaselineSamplesIsTestedExactly() {
        // 14 of 16 → 256 of 256: the chi-square approximation says z ≈ 5.7; Fisher's exact test is far less sure
        assertThat(ProfileDiff.twoProportionZ(14, 16, 256, 256)).isLessThan(3);
        ProfileSummary base = profile(16, List.of(), List.of(c("java.lang.Thread.run", 14)));
        ProfileSummary cand = profile(256, List.of(), List.of(c("java.lang.Thread.run", 256)));
        assertThat(ProfileDiff.compare(base, cand)).isEmpty();
    }
}
