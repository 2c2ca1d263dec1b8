package dev.perfgate.imports;

import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result files perfgate can import without running the tool itself (perfgate:import): a generator ran
 * elsewhere, or on several hosts whose files are merged into one trial.
 */
public enum ResultFormat {
    /** The samples perfgate's Locust listener writes (samples.json in a tool-trial directory). */
    LOCUST_SAMPLES("locust-samples", LoadModel.CLOSED, ".samples.json") {
        @Override
        public ImportedResults read(Path file) throws IOException {
            return LocustSamplesImporter.read(file);
        }
    },
    /** HdrHistogram interval logs in microseconds, perfgate's own layout or one tag per request. */
    HLOG("hlog", LoadModel.OPEN, ".hlog") {
        @Override
        public ImportedResults read(Path file) throws IOException {
            return new HlogImporter().read(file);
        }
    },
    /** A JMeter JTL, CSV with its header or XML. */
    JTL("jtl", LoadModel.CLOSED, ".jtl") {
        @Override
        public ImportedResults read(Path file) throws IOException {
            return JtlImporter.read(file);
        }
    },
    /** {@code k6 run --out json=FILE}, plain or gzipped. */
    K6("k6", LoadModel.OPEN, ".json", ".json.gz", ".ndjson") {
        @Override
        public ImportedResults read(Path file) throws IOException {
            return new K6JsonImporter().read(file);
        }
    },
    /** wrk2's {@code --latency} output (plain wrk's four percentiles are refused); never told from the name. */
    WRK("wrk", LoadModel.OPEN) {
        @Override
        public ImportedResults read(Path file) throws IOException {
            return new WrkImporter().read(file);
        }
    };

    private final String id;
    private final LoadModel model;
    private final List<String> extensions;

    ResultFormat(String id, LoadModel model, String... extensions) {
        this.id = id;
        this.model = model;
        this.extensions = List.of(extensions);
    }

    /** Reads one file; ResultFileException names the file and line of a malformed one. */
    public abstract ImportedResults read(Path file) throws IOException;

    /** The name users write: hlog, jtl, k6, wrk, locust-samples. */
    public String id() {
        return id;
    }

    /** The load model of the tools that write it; recorded with the run. */
    public LoadModel model() {
        return model;
    }

    public static Optional<ResultFormat> parse(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id.trim())).findFirst();
    }

    /** The format a file's name suggests, by its extension. */
    public static Optional<ResultFormat> detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("samples.json")) {
            return Optional.of(LOCUST_SAMPLES);
        }
        return Arrays.stream(values()).filter(f -> f.extensions.stream().anyMatch(name::endsWith)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ResultFormat::id).toList());
    }
}
