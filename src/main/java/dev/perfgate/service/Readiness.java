package dev.perfgate.service;

import java.net.URI;
import java.util.Objects;

/**
 * How to tell that the service is ready for load. Targets may contain {@code ${perfgate.port}}; they are resolved
 * once the port is known.
 *
 * <p>Prefer {@code 127.0.0.1} over {@code localhost}: {@code localhost} may resolve to {@code ::1} first while the
 * service listens on IPv4 only, and readiness would then wait until it times out.
 */
public sealed interface Readiness {

    /** An HTTP GET on {@code url} must answer with a 2xx status (redirects are not followed). */
    static Readiness http(String url) {
        return new Http(url);
    }

    /** A TCP connection to {@code hostAndPort} ({@code host:port}, or {@code [v6]:port}) must be accepted. */
    static Readiness tcp(String hostAndPort) {
        return new Tcp(hostAndPort);
    }

    Readiness resolve(Placeholders placeholders);

    /** For messages, e.g. {@code GET http://127.0.0.1:8123/health} or {@code TCP 127.0.0.1:8123}. */
    String describe();

    record Http(String url) implements Readiness {
        public Http {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Readiness resolve(Placeholders placeholders) {
            return new Http(placeholders.resolve(url));
        }

        /** The URL as a URI; only valid once resolved. */
        public URI uri() {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("readiness URL must be http or https: " + url);
            }
            return uri;
        }

        @Override
        public String describe() {
            return "GET " + url;
        }
    }

    record Tcp(String hostAndPort) implements Readiness {
        public Tcp {
            Objects.requireNonNull(hostAndPort, "hostAndPort");
        }

        @Override
        public Readiness resolve(Placeholders placeholders) {
            return new Tcp(placeholders.resolve(hostAndPort));
        }

        /** The host part, without the brackets of an IPv6 literal; only valid once resolved. */
        public String host() {
            int colon = hostAndPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("readiness TCP target must be host:port: " + hostAndPort);
            }
            String host = hostAndPort.substring(0, colon);
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        /** The port part; only valid once resolved. */
        public int port() {
            int colon = hostAndPort.lastIndexOf(':');
            try {
                int port = Integer.parseInt(hostAndPort.substring(colon + 1));
                if (colon <= 0 || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("readiness TCP target must be host:port: " + hostAndPort);
            }
        }

        @Override
        public String describe() {
            return "TCP " + hostAndPort;
        }
    }
}
