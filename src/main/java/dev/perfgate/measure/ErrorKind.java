package dev.perfgate.measure;

/** Why a request did not count as a success. Reported separately so that a failure says what went wrong. */
public enum ErrorKind {
    /** The connection could not be opened. */
    CONNECT,
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** The connection broke while the request was outstanding. */
    IO,
    /** An answer with a status code that the request does not accept. */
    STATUS,
    /** An answer whose body failed a content check: fast but wrong. */
    CHECK,
    /** Still queued or in flight when the trial ended; recorded with latency end - intended, never dropped. */
    UNFINISHED,
    /** A Java scenario's call threw: the operation failed (the exception's class is named in a warning). */
    EXCEPTION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
