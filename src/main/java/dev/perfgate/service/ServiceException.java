package dev.perfgate.service;

import java.nio.file.Path;
import java.util.List;

/**
 * The service under test could not be started, never got ready, died, or could not be profiled. The first line of
 * the message says what happened and what to do next; the service's last log lines follow on the next lines, so a
 * build log shows the cause without opening another file.
 */
public class ServiceException extends Exception {
    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message whose first line is {@code summary}, followed by the last lines of the service's log. */
    static String withLog(String summary, Path logFile, List<String> lastLines) {
        StringBuilder text = new StringBuilder(summary);
        if (lastLines.isEmpty()) {
            text.append(System.lineSeparator()).append("(the service wrote nothing to ").append(logFile).append(')');
            return text.toString();
        }
        text.append(System.lineSeparator()).append("Last ").append(lastLines.size()).append(" lines of ")
                .append(logFile).append(':');
        for (String line : lastLines) {
            text.append(System.lineSeparator()).append("  | ").append(line);
        }
        return text.toString();
    }
}
