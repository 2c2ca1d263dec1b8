package dev.perfgate.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exceptions thrown by the scenario, by class: counted for a warning, and the first of each class printed with its
 * stack trace to the runner's output (perfgate's service.log), where the user can see where it came from.
 */
final class Failures {
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, String> firstMessages = new TreeMap<>();

    synchronized void add(Throwable thrown) {
        String type = thrown.getClass().getName();
        long[] count = counts.computeIfAbsent(type, k -> new long[1]);
        if (count[0]++ == 0) {
            firstMessages.put(type, thrown.getMessage());
            System.err.println("perfgate scenario: a call threw " + type + " (first of its kind in this trial):");
            thrown.printStackTrace();
        }
    }

    synchronized List<String> warnings(String name) {
        List<String> warnings = new ArrayList<>();
        counts.forEach((type, count) -> {
            String message = firstMessages.get(type);
            warnings.add(name + ": " + count[0] + (count[0] == 1 ? " call" : " calls") + " threw " + type
                    + (message == null || message.isBlank() ? "" : " (first: " + oneLine(message) + ")")
                    + "; counted as errors of kind exception, stack trace in service.log");
        });
        return warnings;
    }

    private static String oneLine(String message) {
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
