package dev.perfgate.imports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A result file that cannot be read as what it claims to be: truncated, malformed, or of another format. The
 * message names the file and, where one is to blame, the line, so a person can open it there.
 */
public class ResultFileException extends IOException {
    private final Path file;
    private final long line;

    /**
     * @param file    the file being read
     * @param line    1-based line at fault, or 0 when the file as a whole is at fault (empty, no header...)
     * @param problem what is wrong, e.g. "expected 17 columns, found 3"
     */
    public ResultFileException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public ResultFileException(Path file, long line, String problem, Throwable cause) {
        this(file, line, problem);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
