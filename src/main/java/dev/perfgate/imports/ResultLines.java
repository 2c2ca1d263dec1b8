package dev.perfgate.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A result file read line by line, gzipped or not (told by its first bytes, not its name), counting lines so that a
 * problem can name its line, and telling whether the last line was complete: a tool stopped mid-write leaves a last
 * line without its newline, which an importer must refuse rather than read as much as it can.
 */
final class ResultLines implements Closeable {
    private final Path file;
    private final LastByte counting;
    private final BufferedReader reader;
    private String pending;
    private long number;

    private ResultLines(Path file, LastByte counting, BufferedReader reader) {
        this.file = file;
        this.counting = counting;
        this.reader = reader;
    }

    static ResultLines open(Path file) throws IOException {
        LastByte counting = new LastByte(stream(file));
        BufferedReader reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16);
        ResultLines lines = new ResultLines(file, counting, reader);
        try {
            lines.pending = lines.readRaw();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return lines;
    }

    /** The file's bytes, unzipped when they are gzip (told by the magic bytes). */
    static InputStream stream(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            raw.close();
            throw new ResultFileException(file, 0, "not a readable gzip file (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The next line, or null at the end. */
    String next() throws IOException {
        String line = pending;
        if (line != null) {
            number++;
            pending = readRaw();
        }
        return line;
    }

    /** 1-based number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    /** Whether the line {@link #next()} returned last is the last one and lacks its newline: the file was cut. */
    boolean lastLineCut() {
        return pending == null && counting.last != '\n';
    }

    Path file() {
        return file;
    }

    private String readRaw() throws IOException {
        try {
            return reader.readLine();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // a gzip stream cut mid-write
            throw new ResultFileException(file, number + 1, "the gzip stream ends early: the file was cut while "
                    + "being written (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Remembers the last byte that went through, to tell a complete last line from a cut one. */
    private static final class LastByte extends FilterInputStream {
        int last = '\n';

        LastByte(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                last = b[off + n - 1] & 0xff;
            }
            return n;
        }
    }
}
