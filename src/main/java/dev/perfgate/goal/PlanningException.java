package dev.perfgate.goal;

/**
 * A valid configuration that cannot be carried out: JMeter's jars or a baseline artifact cannot be resolved, the
 * baseline version does not build. The message's first line says what and what to do next.
 */
public class PlanningException extends Exception {
    public PlanningException(String message) {
        super(message);
    }

    public PlanningException(String message, Throwable cause) {
        super(message, cause);
    }
}
