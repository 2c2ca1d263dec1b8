package dev.perfgate.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Reads the last lines a service wrote, without loading a log that may be gigabytes long. */
final class LogTail {
    private static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_LINE = 500;

    private LogTail() {
    }

    /**
     * The last {@code n} lines of {@code file} written after byte offset {@code from} (the log is appended to across
     * runs; earlier runs' lines would mislead). Empty when there is nothing or the file cannot be read.
     */
    static List<String> lastLines(Path file, long from, int n) {
        if (n <= 0) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(from, length - MAX_BYTES);
            if (start >= length) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            String[] lines = text.split("\\R", -1);
            Deque<String> last = new ArrayDeque<>();
            // When we started mid-file the first line is probably cut: skip it unless it is all we have.
            int first = start > from && lines.length > 1 ? 1 : 0;
            for (int i = first; i < lines.length; i++) {
                String line = lines[i];
                if (i == lines.length - 1 && line.isEmpty()) {
                    break; // the file's final newline
                }
                last.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " ..." : line);
                if (last.size() > n) {
                    last.removeFirst();
                }
            }
            return List.copyOf(last);
        } catch (IOException e) {
            return List.of();
        }
    }
}
