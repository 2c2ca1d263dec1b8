package dev.perfgate.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes run and baseline files. Output is stable — sorted keys, two-space indent, "\n" line ends,
 * a newline at the end — so that a re-recorded baseline reads well in a pull-request diff.
 */
public final class RunJson {
    /** The run a measurement writes into its output directory; perfgate:check reads it from there. */
    public static final String RUN_FILE = "run.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .build();

    private RunJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Writes atomically: a reader (or a Ctrl-C) never sees half a file, because the content goes to a temporary
     * file in the same directory that is then renamed over the target.
     */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path file, RunResult run) throws IOException {
        writeAtomically(file, toJson(run));
    }

    /**
     * @throws RunFileException when the file is missing, not JSON, of another schema version, or incomplete;
     *                          the message names the file
     */
    public static RunResult read(Path file) throws RunFileException {
        if (!Files.isRegularFile(file)) {
            throw new RunFileException(file, "does not exist");
        }
        RunResult run;
        try {
            var tree = MAPPER.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new RunFileException(file, "is not a JSON object");
            }
            var version = tree.get("schemaVersion");
            if (version == null || !version.isInt()) {
                throw new RunFileException(file, "has no schemaVersion");
            }
            if (version.intValue() != RunResult.SCHEMA_VERSION) {
                throw new RunFileException(file, "has schemaVersion " + version.intValue() + ", but this perfgate "
                        + "reads version " + RunResult.SCHEMA_VERSION);
            }
            run = MAPPER.treeToValue(tree, RunResult.class);
        } catch (IOException e) {
            throw new RunFileException(file, "cannot be parsed: " + firstLine(e.getMessage()));
        }
        if (run.overall() == null || run.load() == null) {
            throw new RunFileException(file, "is incomplete: it has no " + (run.load() == null ? "load" : "overall")
                    + " section");
        }
        return run;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
