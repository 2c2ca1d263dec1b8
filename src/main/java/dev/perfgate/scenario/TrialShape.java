package dev.perfgate.scenario;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial as the build JVM asks the scenario runner for it: the query of {@code POST /trial}. Plain values only, so
 * that both sides of the control protocol need nothing beyond the JDK.
 *
 * @param trial            1-based trial number, 0 for the warm-up
 * @param name             the request name the results are recorded under (tags of the interval log)
 * @param durationMillis   length of the schedule
 * @param rate             operations per second (open model)
 * @param rampUpMillis     linear ramp of the rate at the start (open model)
 * @param concurrency      worker threads
 * @param open             open model (arrival rate) or closed (each worker calls in a loop)
 * @param timeoutMillis    a call running longer is a TIMEOUT; also the drain time after the schedule
 * @param maxSendLagMicros p90 of the scheduler's own delay above which the trial is flagged
 * @param intervalLog      where to write the HdrHistogram interval log, or null
 */
record TrialShape(int trial, String name, long durationMillis, double rate, long rampUpMillis, int concurrency,
        boolean open, long timeoutMillis, long maxSendLagMicros, Path intervalLog) {

    TrialShape {
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be positive, not " + durationMillis);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive, not " + timeoutMillis);
        }
        if (open && (!(rate > 0) || Double.isInfinite(rate))) {
            throw new IllegalArgumentException("the open model needs a positive rate, not " + rate);
        }
    }

    String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("trial", Integer.toString(trial));
        q.put("name", name);
        q.put("durationMillis", Long.toString(durationMillis));
        q.put("rate", Double.toString(rate));
        q.put("rampUpMillis", Long.toString(rampUpMillis));
        q.put("concurrency", Integer.toString(concurrency));
        q.put("model", open ? "open" : "closed");
        q.put("timeoutMillis", Long.toString(timeoutMillis));
        q.put("maxSendLagMicros", Long.toString(maxSendLagMicros));
        if (intervalLog != null) {
            q.put("intervalLog", intervalLog.toAbsolutePath().toString());
        }
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    /** @throws IllegalArgumentException naming the parameter that is missing or malformed */
    static TrialShape parse(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String model = required(q, "model");
        if (!model.equals("open") && !model.equals("closed")) {
            throw new IllegalArgumentException("model must be open or closed, not " + model);
        }
        String log = q.get("intervalLog");
        return new TrialShape(Integer.parseInt(required(q, "trial")), required(q, "name"),
                number(q, "durationMillis"), Double.parseDouble(required(q, "rate")), number(q, "rampUpMillis"),
                (int) number(q, "concurrency"), model.equals("open"), number(q, "timeoutMillis"),
                number(q, "maxSendLagMicros"), log == null || log.isEmpty() ? null : Path.of(log));
    }

    private static String required(Map<String, String> q, String key) {
        String value = q.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing query parameter " + key);
        }
        return value;
    }

    private static long number(Map<String, String> q, String key) {
        try {
            return Long.parseLong(required(q, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter " + key + " is not a whole number: " + q.get(key));
        }
    }
}
