package dev.perfgate.run;

/**
 * The measurement could not be made: the service did not start or crashed, nothing could be sent, files could
 * not be written. An infrastructure error, reported apart from missed gates.
 */
public class MeasurementException extends Exception {
    public MeasurementException(String message) {
        super(message);
    }

    public MeasurementException(String message, Throwable cause) {
        super(message, cause);
    }
}
