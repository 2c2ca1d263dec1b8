package dev.perfgate.result;

import java.nio.file.Path;

/** A run or baseline file that cannot be used. Never treated as "no data, so pass". */
public class RunFileException extends Exception {
    private final transient Path file;

    public RunFileException(Path file, String problem) {
        super(file + " " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
