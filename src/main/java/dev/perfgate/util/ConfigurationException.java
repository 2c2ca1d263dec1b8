package dev.perfgate.util;

import java.util.List;

/**
 * A configuration that cannot be used, with every problem found in one round, each a line saying what is wrong
 * where, with the value and the next step. Thrown before any load is sent or any verdict is drawn.
 */
public final class ConfigurationException extends Exception {
    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs a problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    /** The one problem itself, or "N configuration problems: first; second; …": always one line. */
    static String message(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " configuration problems: " + String.join("; ", problems);
    }

    /** Throws when {@code problems} holds any. */
    public static void throwIfAny(List<String> problems) throws ConfigurationException {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
