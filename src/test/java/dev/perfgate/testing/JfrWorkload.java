package dev.perfgate.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the profile tests record in their own JVM: a hot method, an allocating one, a contended monitor and a
 * contended ReentrantLock, each in a method whose name the tests look for.
 */
public final class JfrWorkload {
    private JfrWorkload() {
    }

    public static final class Monitor {
    }

    public static final Monitor MONITOR = new Monitor();
    public static final ReentrantLock LOCK = new ReentrantLock();
    public static volatile double sink;
    public static volatile Object kept;

    public static void spin(AtomicBoolean running) {
        double x = 0;
        while (running.get()) {
            for (int i = 1; i < 100_000; i++) {
                x += Math.sqrt(i) * Math.sin(i);
            }
            sink = x;
        }
    }

    public static void churn(AtomicBoolean running) {
        while (running.get()) {
            kept = new long[4096];
            pause(1); // leaves CPU to spin on a busy 2-core machine
        }
    }

    public static void holdMonitor(AtomicBoolean running) {
        while (running.get()) {
            synchronized (MONITOR) {
                pause(30); // longer than the profile setting's 10 ms locking threshold
            }
        }
    }

    public static void holdLock(AtomicBoolean running) {
        while (running.get()) {
            LOCK.lock();
            try {
                pause(30);
            } finally {
                LOCK.unlock();
            }
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
