package dev.perfgate.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which configured values are secrets. Secret values never reach run.json, the baseline, a report or
 * the log: they are replaced by {@link #MASK}. The load hash is computed over the redacted form, so rotating a
 * token does not invalidate a baseline.
 */
public final class Redaction {
    public static final String MASK = "***";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    /** Names that announce a secret value: of headers, query parameters, system properties, options. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(password|passwd|pwd|secret|token|api[-_.]?key|credential|private[-_.]?key|auth|session)");
    /** {@code name=value} inside a longer text (a query string, a JDBC URL): the value ends at & ; , or space. */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|api[-_.]?key|credential|private[-_.]?key|auth|session)"
                    + "[\\w.-]*=)[^&;,\\s]+");

    private Redaction() {
    }

    /**
     * An argument {@code key=value} (also {@code -Dkey=value}, {@code --key=value}) whose key names a secret keeps
     * its key and loses its value; secret {@code name=value} pairs inside it (a JDBC URL's password) are masked too.
     */
    public static String redactArgument(String argument) {
        int eq = argument.indexOf('=');
        if (eq > 0 && SECRET_KEY.matcher(argument.substring(0, eq)).find()) {
            return argument.substring(0, eq + 1) + MASK;
        }
        return redactPairs(argument);
    }

    /**
     * A command line as it may be shown: besides {@link #redactArgument}, the value after an option that names a
     * secret ({@code --password s3cret}) is masked.
     */
    public static List<String> redactArguments(List<String> argv) {
        List<String> shown = new ArrayList<>(argv.size());
        boolean nextIsSecret = false;
        for (String arg : argv) {
            if (nextIsSecret) {
                shown.add(MASK);
                nextIsSecret = false;
                continue;
            }
            shown.add(redactArgument(arg));
            nextIsSecret = arg.startsWith("-") && arg.indexOf('=') < 0 && SECRET_KEY.matcher(arg).find();
        }
        return shown;
    }

    /** A request path as stored and shown: values of secret-named query parameters are masked. */
    public static String redactPath(String path) {
        return redactPairs(path);
    }

    /**
     * Free text that may quote a command line or settings (JMC's analysis lists "suspicious" JVM arguments it found
     * in a recording): secret {@code name=value} pairs in it are masked.
     */
    public static String redactText(String text) {
        return text == null ? null : redactPairs(text);
    }

    private static String redactPairs(String text) {
        Matcher m = SECRET_PAIR.matcher(text);
        return m.find() ? m.replaceAll("$1" + Matcher.quoteReplacement(MASK)) : text;
    }

    public static boolean isSecretHeader(String headerName, Set<String> extraSecretNames) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(lower) || SECRET_KEY.matcher(lower).find()
                || extraSecretNames.stream().anyMatch(s -> s.equalsIgnoreCase(headerName));
    }
}
