package dev.perfgate.util;

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

    private static final java.util.regex.Pattern SECRET_KEY = java.util.regex.Pattern.compile(
            "(?i)(password|passwd|pwd|secret|token|api[-_.]?key|credential|private[-_.]?key|auth)");

    private Redaction() {
    }

    /**
     * Command-line arguments of the form {@code key=value} (also {@code -Dkey=value}, {@code --key=value}) whose key
     * names a secret keep their key and lose their value, so the command can still be shown in error messages.
     */
    public static String redactArgument(String argument) {
        int eq = argument.indexOf('=');
        if (eq > 0 && SECRET_KEY.matcher(argument.substring(0, eq)).find()) {
            return argument.substring(0, eq + 1) + MASK;
        }
        return argument;
    }

    public static boolean isSecretHeader(String headerName, Set<String> extraSecretNames) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(lower) || lower.contains("token") || lower.contains("secret")
                || extraSecretNames.stream().anyMatch(s -> s.equalsIgnoreCase(headerName));
    }
}
