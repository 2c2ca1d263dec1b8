package dev.perfgate.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills {@code ${perfgate.port}} in the strings that describe a launch: args, JVM args, environment values and the
 * readiness target. Any other {@code ${...}} is left alone, so a service's own placeholders (or one Maven did not
 * resolve) reach it unchanged.
 *
 * <p>The service also learns the port without any placeholder: {@value #PORT_ENV} in its environment and, for JVM
 * launches, the system property {@code -D}{@value #PORT_PROPERTY}.
 */
public final class Placeholders {
    public static final String PORT_PROPERTY = "perfgate.port";
    public static final String PORT = "${" + PORT_PROPERTY + "}";
    public static final String PORT_ENV = "PERFGATE_PORT";

    private final int port;

    public Placeholders(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String resolve(String text) {
        return text == null ? null : text.replace(PORT, Integer.toString(port));
    }

    public List<String> resolve(List<String> texts) {
        return texts.stream().map(this::resolve).toList();
    }

    /** Resolves the values; keys (variable names) are taken as they are. Keeps the order. */
    public Map<String, String> resolveValues(Map<String, String> map) {
        Map<String, String> resolved = new LinkedHashMap<>();
        map.forEach((key, value) -> resolved.put(key, resolve(value)));
        return resolved;
    }

    /** True when {@code text} contains the port placeholder. */
    public static boolean mentionsPort(String text) {
        return text != null && text.contains(PORT);
    }
}
