package dev.perfgate.load;

/** The load could not be generated at all: an infrastructure problem, not a missed gate. */
public class LoadException extends Exception {
    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
