package dev.perfgate.service;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Helpers shared by the tests that start real processes (public for the measurement tests in dev.perfgate.run). */
public final class TestApps {
    private TestApps() {
    }

    public static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    public static ServiceSpec.Builder main(Class<?> mainClass) {
        return ServiceSpec.mainClass(mainClass.getName(), testClasspath());
    }

    /** Polls {@code condition} until true or {@code timeout}; generous timeouts, the machine may be busy. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }
}
