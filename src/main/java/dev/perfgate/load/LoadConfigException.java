package dev.perfgate.load;

import java.util.List;

/** Everything wrong with a load configuration, all at once, one line each. */
public class LoadConfigException extends Exception {
    private final List<String> problems;

    public LoadConfigException(List<String> problems) {
        super(problems.size() + " load configuration problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
