package dev.perfgate.gate;

/**
 * What an INCONCLUSIVE relative check does to the build. WARN (default): the build goes on with a warning, because
 * in the committed-baseline mode an inconclusive check mostly means machine noise, and a gate that fails on noise
 * gets switched off. FAIL: demand evidence either way. EXTEND: perfgate:run measures more trials, up to a cap fixed
 * in advance, while a check is inconclusive for want of trials; what is still inconclusive then is a warning.
 */
public enum InconclusivePolicy {
    WARN, FAIL, EXTEND;

    public static InconclusivePolicy parse(String text) {
        return switch (text == null ? "warn" : text.trim()) {
            case "warn" -> WARN;
            case "fail" -> FAIL;
            case "extend" -> EXTEND;
            default -> throw new IllegalArgumentException("<inconclusive> is '" + text + "'; use warn, fail or extend");
        };
    }
}
