package dev.perfgate.report;

import dev.perfgate.util.BuildLog;

/**
 * One line for the build log, at its level. Messages carry no tag: the log adds perfgate's to each message, and
 * leaves {@link Level#DETAIL} lines (table rows belonging to the message before them) as they are.
 */
public record LogLine(Level level, String text) {
    public enum Level {
        INFO, WARN, ERROR, DETAIL
    }

    static LogLine info(String text) {
        return new LogLine(Level.INFO, text);
    }

    static LogLine warn(String text) {
        return new LogLine(Level.WARN, text);
    }

    static LogLine error(String text) {
        return new LogLine(Level.ERROR, text);
    }

    static LogLine detail(String text) {
        return new LogLine(Level.DETAIL, text);
    }

    public void printTo(BuildLog log) {
        switch (level) {
            case INFO -> log.info(text);
            case WARN -> log.warn(text);
            case ERROR -> log.error(text);
            case DETAIL -> log.detail(text);
        }
    }
}
