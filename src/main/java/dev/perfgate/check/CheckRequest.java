package dev.perfgate.check;

import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.GateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What perfgate:check judges: the run perfgate:run wrote, against the baseline version measured beside it (an
 * interleaved run names its file) or else the committed baseline.
 *
 * @param runFile      run.json
 * @param baselineFile the committed baseline, which may not exist
 * @param gates        the pom's gates as written
 * @param decision     how relative checks decide, as written
 */
public record CheckRequest(Path runFile, Path baselineFile, List<GateSpec> gates, DecisionSpec decision) {
    public CheckRequest {
        Objects.requireNonNull(runFile, "runFile");
        Objects.requireNonNull(baselineFile, "baselineFile");
        gates = gates == null ? List.of() : List.copyOf(gates);
        Objects.requireNonNull(decision, "decision");
    }
}
