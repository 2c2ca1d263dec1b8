package dev.perfgate.load;

import java.util.Locale;
import java.util.Set;

/**
 * Decides which configured values are secrets. Secret values never reach run.json, the baseline, a report or
 * the log: they are replaced by {@link #MASK}. The load hash is computed over the redacted form, so rotating a
 * token does not invalidate a baseline.
 */
public final class Redaction {
    public static final String MASK = "***";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-auth-token", "api-key");

    private Redaction() {
    }

    public static boolean isSecretHeader(String headerName, Set<String> extraSecretNames) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(lower) || lower.contains("token") || lower.contains("secret")
                || extraSecretNames.stream().anyMatch(s -> s.equalsIgnoreCase(headerName));
    }
}
