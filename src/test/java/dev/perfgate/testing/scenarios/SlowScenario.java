package dev.perfgate.testing.scenarios;

import java.util.concurrent.Callable;

/** 300 ms per call: too slow for the rate the tests ask for, so operations queue and some never start. */
public class SlowScenario implements Callable<Void> {
    @Override
    public Void call() throws InterruptedException {
        Thread.sleep(300);
        return null;
    }
}
