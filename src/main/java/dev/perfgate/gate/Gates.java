package dev.perfgate.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the pom's {@code <gate>} elements into {@link Gate}s. Strict: a limit without its unit, with another unit,
 * negative or not a number is an error, never a guess. Every problem of every gate is reported at once.
 */
public final class Gates {
    /** A decimal number, optionally signed, then the unit (possibly after spaces). */
    private static final Pattern NUMBER_UNIT = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(\\S*)");

    private Gates() {
    }

    /**
     * @param specs        the gates as written, in pom order
     * @param requestNames the request names of the load definition; null when unknown (names are then not checked)
     * @throws GateConfigException listing every problem, each starting with "gate N (text): "
     */
    public static List<Gate> parse(List<GateSpec> specs, Set<String> requestNames) throws GateConfigException {
        List<Gate> gates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (specs == null) {
            return gates;
        }
        for (int i = 0; i < specs.size(); i++) {
            int index = i + 1;
            GateSpec spec = specs.get(i);
            if (spec == null) {
                problems.add("gate " + index + " is empty");
                continue;
            }
            List<String> own = new ArrayList<>();
            Gate gate = parseOne(index, spec, requestNames, own);
            String prefix = "gate " + index + " (" + spec.text() + "): ";
            own.forEach(p -> problems.add(prefix + p));
            if (own.isEmpty()) {
                gates.add(gate);
            }
        }
        if (!problems.isEmpty()) {
            throw new GateConfigException(problems);
        }
        return List.copyOf(gates);
    }

    private static Gate parseOne(int index, GateSpec spec, Set<String> requestNames, List<String> problems) {
        String request = GateSpec.blank(spec.request()) ? null : spec.request().trim();
        if (request != null && requestNames != null && !requestNames.contains(request)) {
            problems.add("unknown request '" + request + "'; " + knownRequests(requestNames));
        }

        Metric metric = null;
        if (GateSpec.blank(spec.metric())) {
            problems.add("no metric; " + Metric.HELP);
        } else {
            Optional<Metric> parsed = Metric.parse(spec.metric());
            if (parsed.isEmpty()) {
                problems.add("unknown metric '" + spec.metric().trim() + "'; " + Metric.HELP);
            } else {
                metric = parsed.get();
            }
        }

        boolean anyLimit = !GateSpec.blank(spec.max()) || !GateSpec.blank(spec.min())
                || !GateSpec.blank(spec.maxRegression()) || !GateSpec.blank(spec.minImprovement());
        if (!anyLimit) {
            problems.add("no limit; give at least one of max, min, maxRegression or minImprovement");
        }

        Double max = metric == null ? null : bound("max", spec.max(), metric, problems);
        Double min = metric == null ? null : bound("min", spec.min(), metric, problems);
        Double maxRegression = percentage("maxRegression", spec.maxRegression(), problems);
        Double minImprovement = percentage("minImprovement", spec.minImprovement(), problems);

        if (max != null && min != null && min > max) {
            problems.add("min " + Units.limit(metric, min) + " is greater than max " + Units.limit(metric, max));
        }
        if (minImprovement != null && metric != null && metric.lowerIsBetter() && minImprovement >= 1.0) {
            problems.add("minImprovement " + spec.minImprovement().trim() + " is impossible: " + metric.name()
                    + " cannot drop by 100 % or more; use less than 100%");
        }
        if (metric != null && metric.kind() == Metric.Kind.ERROR_RATE
                && (maxRegression != null || minImprovement != null)) {
            // Error rates are mostly 0: a ratio of zeros decides nothing, and 0.01 % → 0.02 % is "+100 %".
            problems.add("errorRate takes max (or min) only, not maxRegression or minImprovement: error rates are "
                    + "mostly 0, and ratios of them decide nothing; use e.g. <max>1%</max>");
        }
        if (maxRegression != null && metric != null && !metric.lowerIsBetter() && maxRegression >= 1.0) {
            problems.add("maxRegression " + spec.maxRegression().trim() + " cannot fail: " + metric.name()
                    + " cannot drop by 100 % or more; use less than 100%");
        }
        return new Gate(index, request, metric, max, min, maxRegression, minImprovement);
    }

    private static String knownRequests(Set<String> names) {
        if (names.isEmpty()) {
            return "the load definition has no requests";
        }
        return "known requests: " + new TreeSet<>(names).stream().map(n -> "'" + n + "'")
                .collect(Collectors.joining(", ")) + " (omit <request> for all requests)";
    }

    /** max or min: latency needs us/ms/s, throughput /s, errorRate %. */
    private static Double bound(String name, String raw, Metric metric, List<String> problems) {
        if (GateSpec.blank(raw)) {
            return null;
        }
        String text = raw.trim();
        String example;
        String units;
        if (metric.isLatency()) {
            example = "250ms, 0.25s or 900us";
            units = "us, ms or s";
        } else if (metric.kind() == Metric.Kind.THROUGHPUT) {
            example = "1000/s";
            units = "/s";
        } else {
            example = "1% or 0.5%";
            units = "%";
        }
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) {
            problems.add(name + " '" + text + "' is not a number with a unit; use " + units + ", e.g. " + example);
            return null;
        }
        String unit = m.group(3);
        if (unit.isEmpty()) {
            problems.add(name + " '" + text + "' has no unit; " + metric.name() + " needs " + units + ", e.g. "
                    + example);
            return null;
        }
        BigDecimal factor;
        if (metric.isLatency()) {
            factor = switch (unit) {
                case "us" -> new BigDecimal("0.001");
                case "ms" -> BigDecimal.ONE;
                case "s" -> new BigDecimal("1000");
                default -> null;
            };
        } else if (metric.kind() == Metric.Kind.THROUGHPUT) {
            factor = unit.equals("/s") ? BigDecimal.ONE : null;
        } else {
            factor = unit.equals("%") ? new BigDecimal("0.01") : null;
        }
        if (factor == null) {
            problems.add(name + " '" + text + "' has unit '" + unit + "', but " + metric.name() + " needs " + units
                    + ", e.g. " + example);
            return null;
        }
        Double value = nonNegative(name, text, m, factor, problems);
        if (value != null && metric.kind() == Metric.Kind.ERROR_RATE && value > 1.0) {
            problems.add(name + " '" + text + "' is more than 100%");
            return null;
        }
        return value;
    }

    /** maxRegression, minImprovement: a percentage with its % sign. */
    private static Double percentage(String name, String raw, List<String> problems) {
        if (GateSpec.blank(raw)) {
            return null;
        }
        String text = raw.trim();
        Matcher m = NUMBER_UNIT.matcher(text);
        if (!m.matches()) {
            problems.add(name + " '" + text + "' is not a percentage; use e.g. 10%");
            return null;
        }
        if (!m.group(3).equals("%")) {
            problems.add(name + " '" + text + "' " + (m.group(3).isEmpty() ? "has no % sign" : "has unit '"
                    + m.group(3) + "'") + "; use a percentage, e.g. 10%");
            return null;
        }
        return nonNegative(name, text, m, new BigDecimal("0.01"), problems);
    }

    private static Double nonNegative(String name, String text, Matcher m, BigDecimal factor,
            List<String> problems) {
        BigDecimal number = new BigDecimal(m.group(2));
        if (m.group(1).equals("-") && number.signum() != 0) {
            problems.add(name + " '" + text + "' is negative; limits must be 0 or more");
            return null;
        }
        double value = number.multiply(factor).doubleValue();
        if (!Double.isFinite(value)) {
            problems.add(name + " '" + text + "' is too large");
            return null;
        }
        return value;
    }
}
