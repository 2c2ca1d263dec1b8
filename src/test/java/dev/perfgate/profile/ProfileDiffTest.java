package dev.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {

    private static ProfileSummary.Count c(String name, long value) {
        return new ProfileSummary.Count(name, value);
    }

    private static ProfileSummary profile(long samples, List<ProfileSummary.Count> self,
            List<ProfileSummary.Count> total) {
        return new ProfileSummary(0, 1, samples, 0, self, total, List.of(), 0, List.of(),
                new ProfileSummary.Gc(0, 0, 0, List.of()), List.of(), List.of(), null, null, List.of());
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
                .containsExactly("self", "self");
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
}
