package dev.perfgate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The order of interleaved trials: n pairs, each either baseline-then-candidate (AB) or candidate-then-baseline
 * (BA), in blocks of two pairs of which one is AB and the other BA (ABBA or BAAB), the order of each block drawn
 * from a seed.
 *
 * <p>Why blocks: a machine drifts (thermal throttling, a neighbour's job, caches and JIT settling). Within an ABBA
 * block A runs at times 0 and 3 and B at 1 and 2: both have the mean time 1.5, so a linear drift adds the same to
 * both sides of the block and cancels in its two log ratios, where a fixed AB order would bias every pair the same
 * way ("whoever runs second is slower"). Why random: a fixed ABBA ABBA ... lines up with any periodic disturbance
 * of the same period (randomised multiple interleaved trials, Abedi and Brecht 2017). With an odd count the last
 * pair stands alone and gets a random order.
 *
 * <p>{@link Random} rather than a newer generator: its sequence for a seed is specified, so the order of a seed
 * printed in a report can be reproduced on any JDK.
 */
public final class PairOrder {
    private PairOrder() {
    }

    /**
     * @param pairs number of pairs (at least 1)
     * @param seed  the seed; the same seed gives the same order
     * @return for each pair, whether its baseline trial runs first
     */
    public static List<Boolean> baselineFirst(int pairs, long seed) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1: " + pairs);
        }
        Random random = new Random(mix(seed));
        List<Boolean> order = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i += 2) {
            boolean first = random.nextBoolean();
            order.add(first);
            if (i + 1 < pairs) {
                order.add(!first);
            }
        }
        return List.copyOf(order);
    }

    /**
     * Random's first outputs for neighbouring seeds (1, 2, 3 or successive build numbers) are nearly equal, so the
     * seed is scrambled first, with the SplitMix64 finaliser.
     */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The order as letters for logs and reports, A the baseline and B the candidate: "AB BA BA AB AB". */
    public static String describe(List<Boolean> baselineFirst) {
        StringBuilder b = new StringBuilder();
        for (boolean first : baselineFirst) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(first ? "AB" : "BA");
        }
        return b.toString();
    }
}
