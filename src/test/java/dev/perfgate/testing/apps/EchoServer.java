package dev.perfgate.testing.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP service for tests. Port: first argument, else {@code -Dperfgate.port}. Optional second argument: exit
 * with code 7 after that many seconds (a crash during the run). {@code GET /} answers {@code echo <query>} after some
 * CPU work, so JFR has execution samples to record.
 */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("perfgate.port");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            byte[] body = ("echo " + (query == null ? "" : query) + " " + work()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("EchoServer listening on " + port);
        if (args.length > 1) {
            Thread.sleep(Long.parseLong(args[1]) * 1000);
            System.out.println("EchoServer crashing on purpose");
            System.exit(7);
        }
    }

    private static long work() {
        long x = 17;
        for (int i = 0; i < 200_000; i++) {
            x = x * 31 + Long.rotateLeft(x, i & 63);
        }
        return x & 0xff;
    }
}
