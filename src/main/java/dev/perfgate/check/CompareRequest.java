package dev.perfgate.check;

import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.GateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What perfgate:compare judges: any two run or baseline files, offline. Without gates it only reports.
 *
 * @param runFile       the run to judge, or null when none was named (outside a project there is no default)
 * @param referenceFile what it is compared with, or null when none was named
 * @param gates         the pom's gates as written; may be empty
 * @param decision      how relative checks decide, as written
 */
public record CompareRequest(Path runFile, Path referenceFile, List<GateSpec> gates, DecisionSpec decision) {
    public CompareRequest {
        gates = gates == null ? List.of() : List.copyOf(gates);
        Objects.requireNonNull(decision, "decision");
    }
}
