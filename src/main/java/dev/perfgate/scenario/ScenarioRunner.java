package dev.perfgate.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.perfgate.service.Placeholders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The main class of the JVM perfgate forks for a Java scenario; perfgate starts it as a service, so the fork gets a
 * JFR recording, a log, a port and a sure stop like any service. It loads the scenario class from its classpath (the
 * project's test classpath) and serves a small control protocol on 127.0.0.1 at the port perfgate gives it:
 *
 * <ul>
 *   <li>{@code GET /ready}: 200 (the class has been loaded and one instance created before the server started)</li>
 *   <li>{@code POST /trial?...} (see {@link TrialShape}): runs one trial and answers with its results as JSON</li>
 * </ul>
 *
 * <p>A class that cannot be run ends the JVM at once with exit code 2 and one line on stderr, which perfgate shows
 * with the end of the log. Needs only the JDK, HdrHistogram and perfgate's own classes.
 *
 * <p>Usage: {@code ScenarioRunner <class name>}; the port comes from {@code -Dperfgate.port} or {@code PERFGATE_PORT}.
 */
public final class ScenarioRunner {
    static final int EXIT_BAD_SCENARIO = 2;

    private final ScenarioClass scenario;
    /** One instance per worker slot, kept across trials: constructors run before the first trial, not in it. */
    private final List<ScenarioClass.Operation> instances = new ArrayList<>();
    private Thread[] previousWorkers = new Thread[0];

    private ScenarioRunner(ScenarioClass scenario) {
        this.scenario = scenario;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || args[0].isBlank()) {
            fail("usage: ScenarioRunner <scenario class name> (port from -D" + Placeholders.PORT_PROPERTY + " or "
                    + Placeholders.PORT_ENV + ")");
        }
        int port = port();
        ScenarioRunner runner = null;
        try {
            ScenarioClass scenario = ScenarioClass.load(args[0].trim(), ScenarioRunner.class.getClassLoader());
            runner = new ScenarioRunner(scenario);
            runner.instances.add(scenario.newOperation());
        } catch (ScenarioException e) {
            fail(e.getMessage());
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "perfgate-scenario-control");
            t.setDaemon(true);
            return t;
        }));
        ScenarioRunner r = runner;
        server.createContext("/ready", exchange -> reply(exchange, 200, "ready"));
        server.createContext("/trial", r::trial);
        server.start();
        System.out.println("perfgate scenario runner: " + args[0].trim() + " ready on 127.0.0.1:" + port);
    }

    private static int port() {
        String text = System.getProperty(Placeholders.PORT_PROPERTY, System.getenv(Placeholders.PORT_ENV));
        try {
            int port = Integer.parseInt(text == null ? "" : text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("no port: set -D" + Placeholders.PORT_PROPERTY + " or " + Placeholders.PORT_ENV + " (got " + text + ")");
        return -1;
    }

    private static void fail(String message) {
        System.err.println("perfgate scenario: " + message);
        System.err.flush();
        System.exit(EXIT_BAD_SCENARIO);
    }

    private void trial(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "POST /trial?... runs a trial");
                return;
            }
            TrialShape shape;
            try {
                shape = TrialShape.parse(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                reply(exchange, 400, e.getMessage());
                return;
            }
            ScenarioResult result;
            synchronized (this) {
                ScenarioTrial trial = new ScenarioTrial(shape, operations(shape.concurrency()));
                result = trial.run();
                previousWorkers = trial.workers();
            }
            System.out.println("perfgate scenario runner: " + (shape.trial() == 0 ? "warm-up" : "trial "
                    + shape.trial()) + " done, " + result.corrected().getTotalCount() + " operations, errors "
                    + result.errors());
            reply(exchange, 200, result.toJson());
        } catch (ScenarioException | RuntimeException e) {
            e.printStackTrace();
            reply(exchange, 500, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, "interrupted");
        }
    }

    /**
     * One instance per worker. A worker of the previous trial that is still stuck in a call keeps its instance: its
     * slot gets a new one, so that no instance is ever called by two threads at once.
     */
    private ScenarioClass.Operation[] operations(int concurrency) throws ScenarioException {
        ScenarioClass.Operation[] operations = new ScenarioClass.Operation[concurrency];
        for (int w = 0; w < concurrency; w++) {
            boolean stuck = w < previousWorkers.length && previousWorkers[w] != null && stillRunning(previousWorkers[w]);
            if (w >= instances.size()) {
                instances.add(scenario.newOperation());
            } else if (stuck) {
                instances.set(w, scenario.newOperation());
            }
            operations[w] = instances.get(w);
        }
        return operations;
    }

    /** A worker that ended normally is gone within milliseconds; one that is still there after that is stuck. */
    private static boolean stillRunning(Thread worker) {
        try {
            worker.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return worker.isAlive();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 && body.startsWith("{")
                ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
