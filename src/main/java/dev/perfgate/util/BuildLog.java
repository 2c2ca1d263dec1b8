package dev.perfgate.util;

/**
 * Where the core tells the person running the build what it does: the Mojos connect it to Maven's log, which adds
 * perfgate's tag to every message. Messages are one line each and carry no tag of their own.
 */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    /** A problem that fails the build, one line each (the build's failure then names the first). */
    default void error(String message) {
        warn(message);
    }

    /** A line that belongs to the message before it, such as a table row: shown as it is, without the tag. */
    default void detail(String line) {
        info(line);
    }

    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
