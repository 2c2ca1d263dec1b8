package dev.perfgate.testing.scenarios;

/** A Runnable whose every fourth call (per instance) throws: the failed calls are errors, not dropped. */
public class FailingScenario implements Runnable {
    private int calls;

    @Override
    public void run() {
        if (++calls % 4 == 0) {
            throw new IllegalStateException("call " + calls + " failed on purpose");
        }
    }
}
