package dev.perfgate.scenario.testscenarios;

/** Neither Callable nor Runnable. */
public class NotAScenario {
    public String work() {
        return "no";
    }
}
