package dev.perfgate.testing.scenarios;

import java.util.concurrent.Callable;

/** Sleeps 2 ms per call: an operation whose cost is known. */
public class SleepScenario implements Callable<Integer> {
    private int calls;

    @Override
    public Integer call() throws InterruptedException {
        Thread.sleep(2);
        return ++calls;
    }
}
