package dev.perfgate.testing.scenarios;

/** Neither Callable nor Runnable. */
public class NotAScenario {
    public String work() {
        return "no";
    }
}
