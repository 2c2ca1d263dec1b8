package dev.perfgate.gate;

import java.util.List;

/** Gates that cannot be used, with every problem found, not just the first. */
public final class GateConfigException extends Exception {
    private final List<String> problems;

    public GateConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming its gate. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder b = new StringBuilder("invalid perfgate gate configuration (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        for (String p : problems) {
            b.append("\n  ").append(p);
        }
        return b.toString();
    }
}
