package dev.perfgate.gate;

/**
 * What relative checks do when the baseline was measured on another machine or JVM. SKIP (default): they are
 * skipped with a warning naming every difference, because a machine difference is larger than most regressions;
 * absolute gates still apply. WARN: compare anyway. FAIL: fail them.
 */
public enum EnvironmentPolicy {
    SKIP, WARN, FAIL;

    public static EnvironmentPolicy parse(String text) {
        return switch (text == null ? "skip" : text.trim()) {
            case "skip" -> SKIP;
            case "warn" -> WARN;
            case "fail" -> FAIL;
            default -> throw new IllegalArgumentException("<onEnvironmentMismatch> is '" + text
                    + "'; use skip, warn or fail");
        };
    }
}
