package dev.perfgate.testing;

import dev.perfgate.service.ProcessTree;
import dev.perfgate.service.ServiceProcess;
import dev.perfgate.service.ServiceSpec;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** Sends requests to an EchoServer-like service, one after another, for {@code duration}; each must get 200. */
    public static void load(ServiceProcess service, Duration duration) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(service.resolve("http://127.0.0.1:${perfgate.port}/?load"));
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("status " + response.statusCode() + " from " + uri);
            }
        }
    }
}
