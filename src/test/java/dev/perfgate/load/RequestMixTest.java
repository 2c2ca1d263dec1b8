package dev.perfgate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void sharesFollowWeightsExactlyOverACycle() {
        RequestMix mix = new RequestMix(5, 3, 2);
        assertThat(mix.cycleLength()).isEqualTo(10);
        int[] counts = new int[3];
        for (long i = 0; i < 1_000; i++) {
            counts[mix.specIndex(i)]++;
        }
        assertThat(counts).containsExactly(500, 300, 200);
    }

    @Test
    void isDeterministicAndInterleaved() {
        RequestMix a = new RequestMix(5, 3, 2);
        RequestMix b = new RequestMix(5, 3, 2);
        StringBuilder seq = new StringBuilder();
        for (long i = 0; i < 10; i++) {
            assertThat(a.specIndex(i)).isEqualTo(b.specIndex(i));
            seq.append(a.specIndex(i));
        }
        // smooth weighted round-robin (nginx's): 5,3,2 -> 0 1 2 0 0 1 0 2 1 0; never long runs of one spec
        assertThat(seq.toString()).isEqualTo("0120010210");
        assertThat(seq.toString()).doesNotContain("000", "11", "22");
        assertThat(a.specIndex(123_456_789_012L)).isEqualTo(a.specIndex(123_456_789_012L % 10));
    }

    @Test
    void reducesWeightsByTheirCommonDivisor() {
        assertThat(new RequestMix(300, 100).cycleLength()).isEqualTo(4);
        assertThat(new RequestMix(1).specIndex(42)).isZero();
    }

    @Test
    void rejectsBadWeights() {
        assertThatThrownBy(() -> new RequestMix(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestMix()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestMix(999_999, 999_998)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySpecCountsItsOwnRequestsSoFeederRowsAreAllUsed() {
        RequestMix mix = new RequestMix(1, 1);
        java.util.Map<Integer, java.util.Set<Long>> rowsSeen = new java.util.HashMap<>();
        for (long i = 0; i < 40; i++) {
            rowsSeen.computeIfAbsent(mix.specIndex(i), k -> new java.util.TreeSet<>()).add(mix.specSequence(i) % 10);
        }
        assertThat(rowsSeen.get(0)).hasSize(10);
        assertThat(rowsSeen.get(1)).hasSize(10);

        RequestMix weighted = new RequestMix(3, 1);
        long[] counts = new long[2];
        for (long i = 0; i < 4_000; i++) {
            int spec = weighted.specIndex(i);
            assertThat(weighted.specSequence(i)).isEqualTo(counts[spec]);
            counts[spec]++;
        }
    }
}
