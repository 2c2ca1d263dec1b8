package dev.perfgate.load;

/** Receives one-line progress reports during long trials, e.g. to print them in the build log. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = line -> { };

    void progress(String line);
}
