package dev.perfgate.service;

import java.util.Objects;

/**
 * Record JFR in a JVM perfgate did not start: where it is, and with which settings. The counterpart of
 * {@link JfrOptions} for a service perfgate launches.
 *
 * @param target   how to reach the JVM
 * @param settings {@code profile}, {@code default} (any configuration the target JVM knows by name), or a path to a
 *                 {@code .jfc} file on this machine, whose text is sent to the target
 */
public record JfrAttach(JmxTarget target, String settings) {
    public JfrAttach {
        Objects.requireNonNull(target, "target");
        settings = settings == null || settings.isBlank() ? "profile" : settings.trim();
    }
}
