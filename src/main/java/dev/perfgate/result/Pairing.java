package dev.perfgate.result;

import java.util.List;
import java.util.Objects;

/**
 * How a run was measured side by side with the baseline version of the service (interleaved A/B): trial i of the
 * candidate's run and trial i of the baseline's run form pair i, measured one right after the other on the same
 * machine, in the order given. perfgate:check then compares pair by pair.
 *
 * @param baselineRun     the baseline version's run file, relative to this run's directory (in the candidate's run),
 *                        or null (in the baseline's own run)
 * @param baselineVersion what the baseline version is: "git 1a2b3c4 (origin/main)", "com.acme:shop:1.4.2", a jar
 * @param order           per pair, "AB" (baseline first) or "BA" (candidate first)
 * @param seed            the seed the order was drawn with, to repeat it
 */
public record Pairing(String baselineRun, String baselineVersion, List<String> order, long seed) {
    public Pairing {
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        order = order == null ? List.of() : List.copyOf(order);
    }

    public int pairs() {
        return order.size();
    }
}
