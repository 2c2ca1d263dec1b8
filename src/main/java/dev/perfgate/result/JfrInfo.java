package dev.perfgate.result;

import java.util.List;

/**
 * Whether and how the service was profiled. Part of a run's identity: a profiled run is never compared with an
 * unprofiled one, because JFR itself costs a few percent.
 *
 * @param enabled  JFR ran in the service for the whole run
 * @param settings the JFR settings used ("profile", "default" or a .jfc file name)
 * @param options  the exact JVM options that started it
 */
public record JfrInfo(boolean enabled, String settings, List<String> options) {
    public JfrInfo {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static JfrInfo off() {
        return new JfrInfo(false, null, List.of());
    }
}
