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
 * request in the methods work and hot: a profile shows which one got hotter), it.allocKb (KiB of short-lived
 * Chunk objects per request, allocated in the method allocate), it.lockMs (a background refresher holds the Registry
 * monitor that long, sleeping, every other such period; every request takes the monitor in the method locked and
 * waits when it arrives during a hold). Two environment variables, for the redaction IT: IT_SET_COOKIE (answer
 * every request with this Set-Cookie header) and IT_REQUIRE_HEADERS (comma-separated header names: a request
 * without one of them is answered 400).
 */
public final class ItService {
    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("perfgate.port");
        long delayMs = Long.getLong("it.delayMs", 0);
        long exitAfterMs = Long.getLong("it.exitAfterMs", 0);
        long workMs = Long.getLong("it.workMs", 0);
        long hotMs = Long.getLong("it.hotMs", 0);
        long allocKb = Long.getLong("it.allocKb", 0);
        long lockMs = Long.getLong("it.lockMs", 0);
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
        String setCookie = System.getenv("IT_SET_COOKIE");
        String requireHeaders = System.getenv("IT_REQUIRE_HEADERS");
        java.util.List<String> required = requireHeaders == null || requireHeaders.isBlank() ? java.util.List.of()
                : java.util.Arrays.asList(requireHeaders.split(","));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            if (workMs > 0) {
                work(workMs);
            }
            if (hotMs > 0) {
                hot(hotMs);
            }
            if (allocKb > 0) {
                allocate(allocKb);
            }
            if (lockMs > 0) {
                locked();
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
            if (setCookie != null) {
                exchange.getResponseHeaders().add("Set-Cookie", setCookie);
            }
            boolean complete = required.stream().allMatch(h -> exchange.getRequestHeaders().containsKey(h.trim()));
            exchange.sendResponseHeaders(complete ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        if (lockMs > 0) {
            Thread refresher = new Thread(() -> refreshRegistry(lockMs), "registry-refresher");
            refresher.setDaemon(true);
            refresher.start();
        }
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

    /**
     * What the allocation regression allocates: a class of its own, with its data in fields (an array inside would
     * be allocated as long[] by the constructor), so that the profile names it and the method that allocates it.
     */
    static final class Chunk {
        long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13;
        Chunk next;
    }

    static volatile Chunk kept;

    /** The allocation regression: a linked list of short-lived chunks (128 bytes each), dropped at the end. */
    static void allocate(long kb) {
        Chunk head = null;
        for (long i = 0, n = kb * 8; i < n; i++) {
            Chunk c = new Chunk();
            c.next = head;
            head = c;
        }
        kept = head;
        kept = null;
    }

    /** The one lock all requests share. */
    static final class Registry {
    }

    static final Registry REGISTRY = new Registry();

    static volatile long registryReads;

    /**
     * The contention regression: every request reads the registry under its lock. (Requests alone would not queue:
     * the load sends them evenly spaced, so one request's short hold never overlaps the next.)
     */
    static void locked() {
        synchronized (REGISTRY) {
            registryReads++;
        }
    }

    /** A background job that does I/O (a sleep here) while holding the lock the requests need. */
    static void refreshRegistry(long holdMs) {
        while (true) {
            try {
                synchronized (REGISTRY) {
                    Thread.sleep(holdMs);
                }
                Thread.sleep(holdMs);
            } catch (InterruptedException e) {
                return;
            }
        }
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
