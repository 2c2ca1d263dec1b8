package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PairOrderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 15, 16, 31})
    void everyBlockOfTwoPairsHasOneOfEachOrder(int pairs) {
        for (long seed = 0; seed < 50; seed++) {
            List<Boolean> order = PairOrder.baselineFirst(pairs, seed);
            assertThat(order).hasSize(pairs);
            for (int i = 0; i + 1 < pairs; i += 2) {
                assertThat(order.get(i)).as("seed %d block %d: %s", seed, i / 2, order).isNotEqualTo(order.get(i + 1));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertThat(PairOrder.baselineFirst(15, 42)).isEqualTo(PairOrder.baselineFirst(15, 42));
        // a different seed gives a different order for 15 pairs (8 blocks: 1 in 256 to coincide; these do not)
        assertThat(PairOrder.baselineFirst(15, 42)).isNotEqualTo(PairOrder.baselineFirst(15, 43));
    }

    @Test
    void aboutHalfTheBlocksStartWithTheBaselineOverNeighbouringSeeds() {
        int first = 0;
        int blocks = 0;
        int firstBlockFirst = 0;
        for (long seed = 0; seed < 1000; seed++) {
            List<Boolean> order = PairOrder.baselineFirst(16, seed);
            for (int i = 0; i < 16; i += 2) {
                blocks++;
                first += order.get(i) ? 1 : 0;
            }
            // the first block too: successive seeds (build numbers) must not all start the same way
            firstBlockFirst += order.get(0) ? 1 : 0;
        }
        // 8000 fair coins: sd 45; 1000: sd 16
        assertThat(first).isBetween(blocks / 2 - 250, blocks / 2 + 250);
        assertThat(firstBlockFirst).isBetween(400, 600);
    }

    @Test
    void anOddCountEndsWithASinglePairOfEitherOrder() {
        boolean sawBaselineFirst = false;
        boolean sawCandidateFirst = false;
        for (long seed = 0; seed < 100; seed++) {
            boolean last = PairOrder.baselineFirst(5, seed).get(4);
            sawBaselineFirst |= last;
            sawCandidateFirst |= !last;
        }
        assertThat(sawBaselineFirst).isTrue();
        assertThat(sawCandidateFirst).isTrue();
    }

    @Test
    void describedAsLetters() {
        assertThat(PairOrder.describe(List.of(true, false, false, true, true))).isEqualTo("AB BA BA AB AB");
    }

    @Test
    void atLeastOnePair() {
        assertThatThrownBy(() -> PairOrder.baselineFirst(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
