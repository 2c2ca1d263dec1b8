package dev.perfgate.check;

import dev.perfgate.gate.Category;
import dev.perfgate.util.ConfigurationException;
import java.util.List;
import java.util.Objects;

/**
 * A check that stopped before any gate was evaluated. It still fails the build and is still reported (result.json,
 * result.md, the JUnit file), so that CI never reads an older build's verdict.
 *
 * @param category      {@link Category#NO_DATA} without usable run data, {@link Category#INCOMPARABLE_BASELINE} for
 *                      an unreadable reference, {@link Category#INFRASTRUCTURE} when the check could not be made
 * @param message       one line: what, where, and the next step
 * @param problems      when the configuration is at fault (a build error rather than a failed check): every
 *                      problem, one line each; otherwise empty
 */
public record NoVerdict(Category category, String message, List<String> problems) implements Evaluation {
    public NoVerdict {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
        problems = List.copyOf(problems);
    }

    /** Whether the configuration is at fault: the build errs rather than fails. */
    public boolean configuration() {
        return !problems.isEmpty();
    }

    static NoVerdict failure(Category category, String message) {
        return new NoVerdict(category, message, List.of());
    }

    static NoVerdict configuration(ConfigurationException e) {
        return new NoVerdict(Category.INFRASTRUCTURE, e.getMessage(), e.problems());
    }
}
