package dev.perfgate.gate;

import java.util.Locale;

/**
 * Which kind of failure fails the build, for CI (result.json's {@code failureCategories}): a missed limit
 * ({@link #THRESHOLD}, {@link #REGRESSION}, {@link #IMPROVEMENT_NOT_MET}), a relative check that could not decide
 * while inconclusive=fail ({@link #INCONCLUSIVE}), or a reason no check could be made (the rest, as in
 * {@link Category}). A failing check's failure category is its {@link Category}, except for INCONCLUSIVE: a CI step
 * that retries inconclusive builds with more trials must tell them from real regressions.
 */
public enum FailureCategory {
    THRESHOLD, REGRESSION, IMPROVEMENT_NOT_MET, INCONCLUSIVE, NO_DATA, ENVIRONMENT_MISMATCH, BROKEN_MEASUREMENT,
    MISSING_BASELINE, INCOMPARABLE_BASELINE, INFRASTRUCTURE;

    /** Lower case, hyphenated: "improvement-not-met". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The failure category of an outcome of this category that failed (status FAIL). */
    public static FailureCategory of(Category category) {
        return valueOf(category.name());
    }
}
