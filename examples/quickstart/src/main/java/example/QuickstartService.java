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
 * /search, to see the gate fail: mvn verify -Dquickstart.searchDelayMs=60
 */
public final class QuickstartService {
    private static final List<String> TITLES = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("perfgate.port", "8080"));
        long searchDelayMs = Long.getLong("quickstart.searchDelayMs", 0);
        String[] words = {"fast", "slow", "java", "maven", "latency", "gate", "cache", "query", "index", "load"};
        for (int i = 0; i < 20_000; i++) {
            TITLES.add("title " + i + " " + words[i % words.length] + " " + words[(i / 10) % words.length]);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/health", exchange -> reply(exchange, 200, "ok", "text/plain"));
        server.createContext("/search", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String word = query != null && query.startsWith("q=") ? query.substring(2) : "";
            if (searchDelayMs > 0) {
                sleep(searchDelayMs);
            }
            reply(exchange, 200, search(word), "application/json");
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
        System.out.println("quickstart service listening on 127.0.0.1:" + port);
    }

    private static String search(String word) {
        String needle = word.toLowerCase(Locale.ROOT);
        StringBuilder json = new StringBuilder("{\"query\":\"").append(needle).append("\",\"hits\":[");
        int hits = 0;
        for (String title : TITLES) {
            if (title.contains(needle) && hits < 20) {
                json.append(hits == 0 ? "" : ",").append('"').append(title).append('"');
                hits++;
            }
        }
        long total = TITLES.stream().filter(t -> t.contains(needle)).count();
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
