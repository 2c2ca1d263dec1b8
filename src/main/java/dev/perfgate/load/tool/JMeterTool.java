package dev.perfgate.load.tool;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.JtlImporter;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs a JMeter plan (.jmx) in non-GUI mode in a JVM of its own, from JMeter's jars resolved from Maven Central (the
 * Mojo hands them over as {@link ScriptSettings#toolClasspath()}), and imports the CSV JTL it writes.
 *
 * <p>JMeter needs a home directory with its bin/*.properties; they ship in the artifact ApacheJMeter_config, which
 * is unpacked once into {@code jmeter-home/} beside the trials' directories. The launcher is JMeter's own
 * {@code org.apache.jmeter.NewDriver} (org.apache.jmeter.JMeter has no main method) with {@code -Djmeter.home}: it
 * then takes the classes from the class path it was started with.
 *
 * <p>{@code <scriptCommand>}: a command whose program is named {@code jmeter} (jmeter, jmeter.sh, jmeter.bat; a
 * JMeter installation with its plugins) is called as it is with the same JMeter arguments, and needs no resolved
 * jars; any other command replaces {@code java -Xmx512m} (another JDK, another heap).
 */
public final class JMeterTool implements LoadTool {
    static final String MAIN_CLASS = "org.apache.jmeter.NewDriver";
    static final String RESULTS = "results.jtl";
    static final String LOG = "jmeter.log";
    static final String HOME = "jmeter-home";
    static final String SCRIPT_PROPERTIES = "script.properties";
    private static final String CONFIG_ARTIFACT = "ApacheJMeter_config";
    private static final List<String> DEFAULT_JVM = List.of("-Xmx512m");

    private final ScriptSettings settings;
    private final LoadProfile profile;

    public JMeterTool(ScriptSettings settings, LoadProfile profile) {
        this.settings = settings;
        this.profile = profile;
    }

    @Override
    public String name() {
        return "JMeter";
    }

    @Override
    public LoadModel model() {
        return LoadModel.CLOSED;
    }

    @Override
    public String timing() {
        return "timed by JMeter from each sample's start, i.e. its actual send (thread groups are a closed model): "
                + "not corrected for coordinated omission";
    }

    /** Whether {@code <scriptCommand>} names a JMeter installation's launcher rather than a java executable. */
    public static boolean isJMeterLauncher(List<String> command) {
        if (command.isEmpty()) {
            return false;
        }
        String path = command.get(0);
        // both separators: a pom written on Windows names jmeter.bat with backslashes
        String program = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        return program.equals("jmeter") || program.startsWith("jmeter.");
    }

    @Override
    public ToolCommand command(TrialPlan plan, Path directory) throws LoadException {
        List<String> argv = new ArrayList<>();
        if (isJMeterLauncher(settings.command())) {
            argv.addAll(settings.command());
        } else {
            if (settings.toolClasspath().isEmpty()) {
                throw new LoadException("JMeter's jars were not resolved for " + settings.script() + "; "
                        + installHint());
            }
            Path home = prepareHome(directory.toAbsolutePath().getParent().resolve(HOME));
            Path argFile = directory.resolve("jmeter-classpath.args");
            try {
                // the class path (some 140 jars) goes to an argument file: the logged command stays readable and
                // Windows' command-line limit is no concern
                Files.writeString(argFile, "-cp " + quote(classpath()) + System.lineSeparator(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LoadException("cannot write " + argFile + ": " + e.getMessage(), e);
            }
            if (settings.command().isEmpty()) {
                argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                argv.addAll(DEFAULT_JVM);
            } else {
                argv.addAll(settings.command());
            }
            argv.add("-Djava.awt.headless=true");
            argv.add("-Djmeter.home=" + home);
            argv.add("@" + argFile.toAbsolutePath());
            argv.add(MAIN_CLASS);
            argv.add("-d");
            argv.add(home.toString());
        }
        argv.addAll(List.of("-n", "-t", settings.script().toAbsolutePath().toString(),
                "-l", directory.resolve(RESULTS).toAbsolutePath().toString(),
                "-j", directory.resolve(LOG).toAbsolutePath().toString()));
        // the results perfgate reads: CSV with JMeter's default fields and a header, epoch-ms time stamps, and
        // a transaction's children as rows of their own (see JtlImporter)
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jmeter.save.saveservice.output_format", "csv");
        properties.put("jmeter.save.saveservice.print_field_names", "true");
        properties.put("jmeter.save.saveservice.timestamp_format", "ms");
        properties.put("jmeter.save.saveservice.subresults", "true");
        // no shutdown listener on port 4445: trials and builds side by side would compete for it; perfgate stops
        // JMeter itself
        properties.put("jmeterengine.nongui.port", "0");
        properties.putAll(perfgateProperties(plan));
        properties.forEach((k, v) -> argv.add("-J" + k + "=" + v));
        // distributed (-R hosts / -r): the plan runs on the remote engines, which see -G (global) properties only
        boolean remote = settings.args().contains("-R") || settings.args().contains("-r")
                || settings.args().stream().anyMatch(a -> a.startsWith("--remotestart"));
        if (remote) {
            perfgateProperties(plan).forEach((k, v) -> argv.add("-G" + k + "=" + v));
        }
        if (!settings.properties().isEmpty()) {
            // the pom's <scriptProperties> go to a file JMeter loads (-q) rather than -J: JMeter logs every -J
            // property's value in jmeter.log, and a command line is visible to every user of the machine
            Path file = directory.resolve(SCRIPT_PROPERTIES).toAbsolutePath();
            writeOwnerOnly(file, settings.properties());
            argv.add("-q");
            argv.add(file.toString());
            if (remote) {
                argv.add("-G" + file);
            }
        }
        argv.addAll(settings.args());
        return new ToolCommand(argv, Map.of());
    }

    @Override
    public List<String> secretFiles() {
        return List.of(SCRIPT_PROPERTIES);
    }

    /** The -J properties a plan reads as {@code ${__P(perfgate.host)}} and so on. */
    Map<String, String> perfgateProperties(TrialPlan plan) {
        URI url = plan.baseUrl();
        String protocol = url.getScheme() == null ? "http" : url.getScheme();
        int port = url.getPort() >= 0 ? url.getPort() : protocol.equalsIgnoreCase("https") ? 443 : 80;
        Map<String, String> p = new LinkedHashMap<>();
        String base = url.toString();
        p.put("perfgate.baseUrl", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        p.put("perfgate.host", url.getHost());
        p.put("perfgate.port", Integer.toString(port));
        p.put("perfgate.protocol", protocol);
        p.put("perfgate.duration", Long.toString(seconds(plan.duration().toMillis())));
        p.put("perfgate.users", Integer.toString(profile.connections()));
        p.put("perfgate.rate", number(profile.rate()));
        p.put("perfgate.rampUp", Long.toString(Math.max(0, (profile.rampUp().toMillis() + 999) / 1000)));
        p.put("perfgate.trial", Integer.toString(plan.trial()));
        return p;
    }

    @Override
    public boolean completed(int exitCode) {
        // JMeter exits 0 when failed samples were recorded (they are in the JTL), 1 when the plan cannot run
        return exitCode == 0;
    }

    @Override
    public ImportedResults read(TrialPlan plan, Path directory) throws IOException {
        Path jtl = directory.resolve(RESULTS);
        Path log = directory.resolve(LOG);
        if (!Files.isRegularFile(jtl) || Files.size(jtl) == 0) {
            throw new IOException("JMeter wrote no " + jtl + logError(log).map(e -> "; " + LOG + ": " + e)
                    .orElse("; see " + log));
        }
        ImportedResults results = JtlImporter.read(jtl);
        if (results.requests() == 0) {
            throw new IOException(jtl + " holds no samples" + logError(log).map(e -> "; " + LOG + ": " + e)
                    .orElse("") + "; check that the plan's thread group reads ${__P(perfgate.users)} and "
                    + "${__P(perfgate.duration)} (an empty property makes 0 threads) and that its samplers run");
        }
        return results;
    }

    @Override
    public String installHint() {
        return "JMeter's jars come from Maven Central (org.apache.jmeter:ApacheJMeter_core and friends) on the "
                + "plugin's first use: run Maven online once, or set <scriptCommand> to an installed JMeter's "
                + "bin/jmeter";
    }

    /** The first ERROR line of jmeter.log (e.g. "Error in NonGUIDriver ..."), if any. */
    static Optional<String> logError(Path log) {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(" ERROR ")).findFirst()
                    .map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private String classpath() {
        List<String> entries = new ArrayList<>();
        settings.toolClasspath().forEach(p -> entries.add(p.toAbsolutePath().toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * Unpacks ApacheJMeter_config's bin/ into {@code home} unless that very jar was unpacked there before, and makes
     * the lib/ directories JMeter's launcher looks into (empty: the classes come from the class path).
     */
    Path prepareHome(Path home) throws LoadException {
        Path config = settings.toolClasspath().stream()
                .filter(p -> p.getFileName().toString().startsWith(CONFIG_ARTIFACT))
                .findFirst()
                .orElseThrow(() -> new LoadException("JMeter's class path lacks " + CONFIG_ARTIFACT
                        + " (its bin/jmeter.properties and friends); " + installHint()));
        Path marker = home.resolve("perfgate-config.txt");
        try {
            String stamp = config.toAbsolutePath() + " " + Files.size(config);
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)
                    && Files.isRegularFile(home.resolve("bin/jmeter.properties"))) {
                return home.toAbsolutePath();
            }
            unpackBin(config, home);
            for (String lib : List.of("lib", "lib/ext", "lib/junit")) {
                Files.createDirectories(home.resolve(lib));
            }
            Files.writeString(marker, stamp);
            return home.toAbsolutePath();
        } catch (IOException e) {
            throw new LoadException("cannot unpack JMeter's configuration " + config + " into " + home + ": "
                    + e.getMessage(), e);
        }
    }

    private static void unpackBin(Path jar, Path home) throws IOException {
        Path root = home.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.getName().startsWith("bin/")) {
                    continue;
                }
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void writeOwnerOnly(Path file, Map<String, String> values) throws LoadException {
        Properties properties = new Properties();
        properties.putAll(values);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system (Windows): the user's profile protects it
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
                properties.store(out, "the pom's <scriptProperties>, read by the plan as ${__P(name)}");
            }
        } catch (IOException e) {
            throw new LoadException("cannot write " + file + " for JMeter: " + e.getMessage(), e);
        }
    }

    /** A value for a java @argument file: in double quotes, backslashes and quotes escaped. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
