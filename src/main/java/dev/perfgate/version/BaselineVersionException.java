package dev.perfgate.version;

/**
 * The baseline version cannot be had: unknown ref, not a git checkout, a failed build, a missing jar. The message's
 * first line says what and what to do next; a failed build's last log lines may follow on the next lines.
 */
public class BaselineVersionException extends Exception {
    public BaselineVersionException(String message) {
        super(message);
    }

    public BaselineVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
