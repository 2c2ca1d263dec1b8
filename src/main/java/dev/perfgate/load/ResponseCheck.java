package dev.perfgate.load;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body checks of one request spec: every {@code bodyContains} text must occur and every {@code bodyMatches}
 * regular expression must be found, after {@code #{column}} substitution with the request's feeder row (in a
 * regular expression the substituted value is matched literally).
 */
final class ResponseCheck {
    private final List<TextTemplate> contains;
    private final List<TextTemplate> matches;
    /** Patterns whose text has no placeholder, compiled up front. */
    private final Pattern[] constantPatterns;

    ResponseCheck(RequestSpec spec, Collection<String> columns) {
        String where = "request '" + spec.name() + "'";
        this.contains = spec.bodyContains().stream().map(TextTemplate::parse).toList();
        this.matches = spec.bodyMatches().stream().map(TextTemplate::parse).toList();
        contains.forEach(t -> t.requireColumns(columns, where + " bodyContains"));
        matches.forEach(t -> t.requireColumns(columns, where + " bodyMatches"));
        this.constantPatterns = new Pattern[matches.size()];
        for (int k = 0; k < matches.size(); k++) {
            if (matches.get(k).isConstant()) {
                constantPatterns[k] = compile(matches.get(k).text(), where);
            } else {
                // Fail early on a pattern that is broken whatever the row holds.
                compile(matches.get(k).render(Map.of(), v -> Pattern.quote("x")), where);
            }
        }
    }

    /**
     * @param patternCache compiled patterns by text, for patterns with placeholders (one cache per event loop:
     *                     no locking); each distinct text is compiled once
     */
    boolean passes(String body, Map<String, String> row, Map<String, Pattern> patternCache) {
        for (TextTemplate t : contains) {
            if (!body.contains(t.render(row))) {
                return false;
            }
        }
        for (int k = 0; k < matches.size(); k++) {
            Pattern p = constantPatterns[k];
            if (p == null) {
                // Substituted values are data, not syntax: they are quoted, so the pattern always compiles.
                p = patternCache.computeIfAbsent(matches.get(k).render(row, Pattern::quote), Pattern::compile);
            }
            if (!p.matcher(body).find()) {
                return false;
            }
        }
        return true;
    }

    static Map<String, Pattern> newCache() {
        return new HashMap<>();
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bodyMatches is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }
}
