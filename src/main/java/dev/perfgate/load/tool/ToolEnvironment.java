package dev.perfgate.load.tool;

import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every tool's script is told about the trial, under the same names whatever the tool (as environment variables,
 * k6 {@code -e} variables, or JMeter {@code -J} properties): where the service is and the trial's shape, so one
 * script serves the warm-up, every trial and every machine.
 */
public final class ToolEnvironment {
    private ToolEnvironment() {
    }

    /**
     * PERFGATE_BASE_URL, PERFGATE_DURATION (whole seconds), PERFGATE_USERS (the pom's connections),
     * PERFGATE_RATE (requests per second), PERFGATE_RAMP_UP (seconds), PERFGATE_TRIAL (0 = warm-up).
     */
    public static Map<String, String> of(TrialPlan plan, LoadProfile profile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PERFGATE_BASE_URL", plan.baseUrl().toString());
        env.put("PERFGATE_DURATION", Long.toString(Math.max(1, (plan.duration().toMillis() + 999) / 1000)));
        env.put("PERFGATE_USERS", Integer.toString(profile.connections()));
        env.put("PERFGATE_RATE", rate(profile.rate()));
        env.put("PERFGATE_RAMP_UP", Long.toString(profile.rampUp().toMillis() / 1000));
        env.put("PERFGATE_TRIAL", Integer.toString(plan.trial()));
        return env;
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
