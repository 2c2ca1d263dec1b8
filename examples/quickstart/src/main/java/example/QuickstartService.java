package example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * A small service for the perfgate quickstart, using only the JDK.
 *
 * <ul>
 *   <li>GET /health - 200 "ok"</li>
 *   <li>GET /search?q=word - titles containing the word, as JSON (a scan over 20 000 titles: real CPU work)</li>
 *   <li>GET /users/{id} - a user as JSON; the body holds the id, which the load checks</li>
 * </ul>
 *
 * The port comes from the first argument. The system property quickstart.searchDelayMs adds a sleep to
 * /search, to see the gate fail: mvn verify -Dquickstart.searchDelayMs=60. The system property
 * quickstart.searchSlowdown (a fraction, e.g. 0.10) makes /search do that much more of its own CPU work, for
 * benchmarks of the gate that need a known, realistic slowdown: mvn verify -Dquickstart.searchSlowdown=0.10
 */
public final class QuickstartService {
    private static final List<String> TITLES = new ArrayList<>();
    /** Written with the extra searches' results, so that the JIT cannot drop them as dead code. */
    private static volatile long sink;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("perfgate.port", "8080"));
        long searchDelayMs = Long.getLong("quickstart.searchDelayMs", 0);
        double slowdown = slowdown(System.getProperty("quickstart.searchSlowdown", "0"));
        String[] words = {"fast", "slow", "java", "maven", "latency", "gate", "cache", "query", "index", "load"};
        for (int i = 0; i < 20_000; i++) {
            TITLES.add("title " + i + " " + words[i % words.length] + " " + words[(i / 10) % words.length]);
        }
        List<List<String>> extra = extraTitles(slowdown);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/health", exchange -> reply(exchange, 200, "ok", "text/plain"));
        server.createContext("/search", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String word = query != null && query.startsWith("q=") ? query.substring(2) : "";
            if (searchDelayMs > 0) {
                sleep(searchDelayMs);
            }
            String body = search(word, TITLES);
            if (!extra.isEmpty()) {
                long consumed = 0;
                for (List<String> titles : extra) {
                    consumed += search(word, titles).length();
                }
                sink = consumed;
            }
            reply(exchange, 200, body, "application/json");
        });
        server.createContext("/users/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/users/".length());
            if (!id.matches("\\d+")) {
                reply(exchange, 404, "{\"error\":\"no such user\"}", "application/json");
                return;
            }
            reply(exchange, 200, "{\"id\":" + id + ",\"name\":\"user " + id + "\"}", "application/json");
        });
        server.start();
        System.out.println("quickstart service listening on 127.0.0.1:" + port
                + (slowdown > 0 ? ", search slowdown " + slowdown : ""));
    }

    private static double slowdown(String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("quickstart.searchSlowdown is '" + text + "'; use a fraction of 0 or "
                    + "more, e.g. 0.10 for 10 % more search work");
        }
        return value;
    }

    /**
     * The titles a slowed-down search scans in addition, {@code slowdown × TITLES.size()} of them, as whole copies
     * of the list plus a prefix. They go through the search's own code: a sleep would leave the CPU idle, and a
     * different loop would cost a different amount per title, so the slowdown would not be the fraction asked for.
     */
    private static List<List<String>> extraTitles(double slowdown) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < (int) slowdown; i++) {
            parts.add(TITLES);
        }
        int rest = (int) Math.round((slowdown - (int) slowdown) * TITLES.size());
        if (rest > 0) {
            // A copy, not a subList view: every search then iterates an ArrayList, as the unmodified one does.
            parts.add(new ArrayList<>(TITLES.subList(0, rest)));
        }
        return parts;
    }

    private static String search(String word, List<String> titles) {
        String needle = word.toLowerCase(Locale.ROOT);
        StringBuilder json = new StringBuilder("{\"query\":\"").append(needle).append("\",\"hits\":[");
        int hits = 0;
        for (String title : titles) {
            if (title.contains(needle) && hits < 20) {
                json.append(hits == 0 ? "" : ",").append('"').append(title).append('"');
                hits++;
            }
        }
        long total = titles.stream().filter(t -> t.contains(needle)).count();
        return json.append("],\"total\":").append(total).append('}').toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
