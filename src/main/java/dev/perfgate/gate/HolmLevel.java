package dev.perfgate.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The level at which one relative check's failing side is tested, from Holm's step-down over every tested check of
 * a build: the smallest p-value is tested at buildAlpha / m, the next at buildAlpha / (m − 1), and so on, each capped
 * at the per-check α; the first that is not below its level stops the chain. This keeps the chance of any false
 * failure in the build below buildAlpha, however many gates there are.
 *
 * <p>Assigned from the evidence of all checks before any of them decides, so that a decision never depends on the
 * order in which checks were looked at.
 *
 * @param alpha   the level of this check's failing side
 * @param rejects whether Holm's chain reached this check: only then may its failing side be significant
 */
record HolmLevel(double alpha, boolean rejects) {

    /**
     * @param failPs   the failing side's p-value of each check, in any order
     * @param settings the per-check α and the build's α, each per look
     * @return one level per p-value, in the same order
     */
    static List<HolmLevel> assign(List<Double> failPs, DecisionSettings settings) {
        int m = failPs.size();
        List<Integer> byP = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            byP.add(i);
        }
        byP.sort(Comparator.comparingDouble(failPs::get));
        HolmLevel[] levels = new HolmLevel[m];
        boolean chain = true;
        for (int rank = 0; rank < m; rank++) {
            int i = byP.get(rank);
            double alpha = Math.min(settings.alphaPerLook(), settings.buildAlphaPerLook() / (m - rank));
            chain = chain && failPs.get(i) < alpha;
            levels[i] = new HolmLevel(alpha, chain);
        }
        return List.of(levels);
    }

    /** The level of a check decided alone: no other check shares the build's α. */
    static HolmLevel alone(double failP, DecisionSettings settings) {
        return assign(List.of(failP), settings).get(0);
    }
}
