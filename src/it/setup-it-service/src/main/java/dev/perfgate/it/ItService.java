package dev.perfgate.it;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The service of the integration tests. System properties shape its behaviour:
 * perfgate.port (given by perfgate), it.delayMs (sleep per request), it.neverReady (never opens its port),
 * it.exitAfterMs (exits with code 3 after that long: a crash mid-run), it.workMs and it.hotMs (CPU work per
 * request in the methods work and hot: a profile shows which one got hotter).
 */
public final class ItService {
    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("perfgate.port");
        long delayMs = Long.getLong("it.delayMs", 0);
        long exitAfterMs = Long.getLong("it.exitAfterMs", 0);
        long workMs = Long.getLong("it.workMs", 0);
        long hotMs = Long.getLong("it.hotMs", 0);
        System.out.println("it-service starting on port " + port + " delayMs=" + delayMs + " args="
                + java.util.Arrays.toString(args));
        if (Boolean.getBoolean("it.neverReady")) {
            System.out.println("it-service will never get ready");
            Thread.sleep(Long.MAX_VALUE);
        }
        if (exitAfterMs > 0) {
            Thread crash = new Thread(() -> {
                try {
                    Thread.sleep(exitAfterMs);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("it-service crashing on purpose");
                System.exit(3);
            });
            crash.setDaemon(true);
            crash.start();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            if (workMs > 0) {
                work(workMs);
            }
            if (hotMs > 0) {
                hot(hotMs);
            }
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("it-service ready");
    }

    static volatile double sink;
    /** Loop iterations per millisecond of this machine, measured once at start. */
    static long perMs;

    /** CPU work of the unchanged service, as a fixed number of iterations: no clock call for the sampler to hit. */
    static void work(long ms) {
        double x = 0;
        for (long i = 0, n = ms * perMs(); i < n; i++) {
            x += Math.sqrt(x + i);
        }
        sink = x;
    }

    /** The regression: extra CPU work in a method of its own. */
    static void hot(long ms) {
        double x = 0;
        for (long i = 0, n = ms * perMs(); i < n; i++) {
            x += Math.sqrt(x + i);
        }
        sink = x;
    }

    private static synchronized long perMs() {
        if (perMs == 0) {
            long iterations = 0;
            long start = System.nanoTime();
            double x = 0;
            while (System.nanoTime() - start < 50_000_000L) {
                for (int i = 0; i < 10_000; i++) {
                    x += Math.sqrt(x + i);
                }
                iterations += 10_000;
            }
            sink = x;
            perMs = Math.max(1, iterations / 50);
        }
        return perMs;
    }
}
