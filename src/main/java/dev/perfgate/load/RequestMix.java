package dev.perfgate.load;

import java.util.List;

/**
 * Which request spec request number i uses: a fixed cycle of spec indices built once by smooth weighted
 * round-robin (as nginx balances upstreams), so that every run sends the same mix in the same order and the
 * specs are interleaved evenly rather than in blocks.
 */
public final class RequestMix {
    /** A cycle longer than this would cost more memory than the mix is worth. */
    static final int MAX_CYCLE = 1_000_000;

    private final int[] cycle;
    /** For each cycle position: how often its spec occurred earlier in the cycle. */
    private final int[] occurrence;
    private final int[] perCycle;

    public RequestMix(int... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("the request mix is empty");
        }
        int gcd = 0;
        for (int w : weights) {
            if (w < 1) {
                throw new IllegalArgumentException("a request weight must be at least 1, not " + w);
            }
            gcd = gcd(gcd, w);
        }
        long total = 0;
        int[] reduced = new int[weights.length];
        for (int k = 0; k < weights.length; k++) {
            reduced[k] = weights[k] / gcd;
            total += reduced[k];
        }
        if (total > MAX_CYCLE) {
            throw new IllegalArgumentException("request weights add up to " + total + " (after dividing by their "
                    + "greatest common divisor); use smaller weights, at most " + MAX_CYCLE + " in total");
        }
        cycle = new int[(int) total];
        occurrence = new int[(int) total];
        perCycle = reduced;
        int[] seen = new int[reduced.length];
        long[] current = new long[reduced.length];
        for (int n = 0; n < cycle.length; n++) {
            int best = 0;
            for (int k = 0; k < reduced.length; k++) {
                current[k] += reduced[k];
                if (current[k] > current[best]) {
                    best = k;
                }
            }
            current[best] -= total;
            cycle[n] = best;
            occurrence[n] = seen[best]++;
        }
    }

    public static RequestMix of(List<RequestSpec> specs) {
        return new RequestMix(specs.stream().mapToInt(RequestSpec::weight).toArray());
    }

    /** Index into the spec list of request number {@code i}. */
    public int specIndex(long i) {
        return cycle[(int) Math.floorMod(i, (long) cycle.length)];
    }

    /**
     * How many requests of the same spec came before request number {@code i}: the spec's own request number.
     * Feeder rows follow it, so that every spec walks through every row even when the mix cycle and the row
     * count share a factor (two equal-weight specs and 10 rows would otherwise each see only 5 rows).
     */
    public long specSequence(long i) {
        int position = (int) Math.floorMod(i, (long) cycle.length);
        return Math.floorDiv(i, (long) cycle.length) * perCycle[cycle[position]] + occurrence[position];
    }

    public int cycleLength() {
        return cycle.length;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
