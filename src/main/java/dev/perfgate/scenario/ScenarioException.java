package dev.perfgate.scenario;

/** A scenario class perfgate cannot run; the message is one line saying what to change. */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }
}
