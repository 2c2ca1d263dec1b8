package dev.perfgate.profile;

import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemFilter;
import org.openjdk.jmc.common.item.ItemCollectionToolkit;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.DependsOn;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultProvider;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * JDK Mission Control's automated analysis (the rules of {@code org.openjdk.jmc:flightrecorder.rules.jdk}) over
 * the measured windows of JFR recordings, as advisory health warnings.
 *
 * <p>Events count by their start time in a window, like {@link ProfileAnalyzer}: the trial files hold whole chunks
 * that reach into the warm-up. Events that describe the JVM rather than what happened — the JFR settings, JVM
 * flags, system properties, GC and machine configuration, written once per chunk — are kept from the whole file,
 * because the rules read them to know which events were enabled and how the JVM was set up.
 *
 * <p>Rules run on daemon threads under one deadline: a slow rule is left behind with a note, and a rule that throws
 * is skipped with a note; neither fails the caller. JMC logs through java.util.logging; its loggers are silenced,
 * so that nothing reaches a build's console.
 */
public final class HealthCheck {
    /** Long enough for a few minutes of recording on a busy 2-core machine, short enough not to stall a build. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Heap that JMC's loaded events take per byte of recording: 8.5 measured, with room for the rules' work. */
    private static final long MEMORY_PER_FILE_BYTE = 12;

    /** Written once per chunk and describing the JVM, not the window: see the class comment. */
    private static final String CONTEXT_TYPES = "jdk\\.(ActiveSetting|ActiveRecording|JVMInformation"
            + "|Initial(SystemProperty|EnvironmentVariable|SecurityProperty)|(Unsigned)?(Int|Long)Flag|DoubleFlag"
            + "|BooleanFlag|StringFlag|GCConfiguration|GCHeapConfiguration|YoungGenerationConfiguration"
            + "|GCTLABConfiguration|GCSurvivorConfiguration|CompilerConfiguration|CodeSweeperConfiguration"
            + "|CodeCacheConfiguration|OSInformation|VirtualizationInformation|ContainerConfiguration|CPUInformation"
            + "|CPUTimeStampCounter|PhysicalMemory|NativeLibrary|SystemProcess|ModuleRequire|ModuleExport)";

    /** Held, because java.util.logging keeps loggers weakly and would forget the level set on this one. */
    private static final Logger JMC_LOGGER = Logger.getLogger("org.openjdk.jmc");

    /** The HTML that JMC's texts use; a bare "<" or "<n>" in a text ("user + sys < real") is prose and stays. */
    private static final Pattern TAGS = Pattern.compile(
            "(?i)</?(p|br|ul|ol|li|a|b|i|em|strong|code|pre|tt|div|span|h[1-6]|table|tr|td|th)(\\s[^<>]*)?/?>");
    /** Also JMC's no-break spaces between a number and its unit: a console line wraps where it likes. */
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");

    private HealthCheck() {
    }

    /**
     * Evaluates every JMC rule over the windows.
     *
     * @param windows   recordings and the part of each to analyse; null ends mean the whole file
     * @param threshold the least severity to list
     * @param timeout   the most the whole evaluation, loading included, may take
     * @throws IOException when a recording cannot be read or loading takes longer than the timeout
     */
    public static HealthReport evaluate(List<ProfileAnalyzer.Window> windows, HealthReport.Severity threshold,
            Duration timeout) throws IOException {
        silenceJmcLogging();
        checkHeap(windows);
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), daemonThreads());
        try {
            IItemCollection items = await(pool.submit(() -> load(windows)), deadline, "loading the recording");
            return evaluate(items, threshold, pool, deadline);
        } finally {
            // Rules still running past the deadline are left to finish on their daemon threads.
            pool.shutdownNow();
        }
    }

    /**
     * JMC holds every event of a recording in memory, about ten times the file's size: a recording too large for
     * the heap left is skipped rather than risk an OutOfMemoryError in the build.
     */
    private static void checkHeap(List<ProfileAnalyzer.Window> windows) throws IOException {
        long bytes = 0;
        for (Path file : windows.stream().map(ProfileAnalyzer.Window::file).distinct().toList()) {
            bytes += Files.size(file);
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes * MEMORY_PER_FILE_BYTE > free) {
            throw new IOException(String.format(Locale.ROOT, "the recordings (%d MB) need about %d MB of heap, and "
                    + "%d MB are free; give Maven more (MAVEN_OPTS=-Xmx…) or record less", bytes >> 20,
                    (bytes * MEMORY_PER_FILE_BYTE) >> 20, free >> 20));
        }
    }

    /**
     * Each file with its own windows, as {@link ProfileAnalyzer} reads them: a chunk held by two trial files is
     * loaded twice, but each copy counts only inside its own file's window.
     */
    private static IItemCollection load(List<ProfileAnalyzer.Window> windows) throws IOException {
        Map<Path, List<ProfileAnalyzer.Window>> byFile = new LinkedHashMap<>();
        windows.forEach(w -> byFile.computeIfAbsent(w.file(), f -> new ArrayList<>()).add(w));
        List<IItemCollection> parts = new ArrayList<>();
        for (Map.Entry<Path, List<ProfileAnalyzer.Window>> en : byFile.entrySet()) {
            IItemCollection all;
            try {
                all = JfrLoaderToolkit.loadEvents(en.getKey().toFile());
            } catch (CouldNotLoadRecordingException e) {
                throw new IOException("JMC cannot load " + en.getKey() + ": " + e.getMessage(), e);
            }
            parts.add(restrict(all, en.getValue()));
        }
        return parts.size() == 1 ? parts.get(0) : ItemCollectionToolkit.merge(parts::stream);
    }

    private static IItemCollection restrict(IItemCollection all, List<ProfileAnalyzer.Window> windows) {
        if (windows.stream().anyMatch(w -> w.from() == null && w.to() == null)) {
            return all;
        }
        List<IItemFilter> kept = new ArrayList<>();
        kept.add(ItemFilters.typeMatches(CONTEXT_TYPES));
        for (ProfileAnalyzer.Window w : windows) {
            kept.add(inWindow(w.from(), w.to()));
        }
        return all.apply(ItemFilters.or(kept.toArray(IItemFilter[]::new)));
    }

    private static IItemFilter inWindow(Instant from, Instant to) {
        if (from == null) {
            return ItemFilters.less(JfrAttributes.START_TIME, epochNanos(to));
        }
        if (to == null) {
            return ItemFilters.moreOrEqual(JfrAttributes.START_TIME, epochNanos(from));
        }
        return ItemFilters.interval(JfrAttributes.START_TIME, epochNanos(from), true, epochNanos(to), false);
    }

    private static IQuantity epochNanos(Instant t) {
        return UnitLookup.EPOCH_NS.quantity(t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    private static HealthReport evaluate(IItemCollection items, HealthReport.Severity threshold, ExecutorService pool,
            long deadline) {
        IPreferenceValueProvider defaults = IPreferenceValueProvider.DEFAULT_VALUES;
        // RuleRegistry lists a rule after the rule it depends on, and the pool runs tasks in order of submission:
        // a dependent rule waits only for a rule that has already started.
        Map<IRule, Future<IResult>> running = new LinkedHashMap<>();
        int notApplicable = 0;
        List<String> notes = new ArrayList<>();
        for (IRule rule : RuleRegistry.getRules()) {
            try {
                if (!RulesToolkit.matchesEventAvailabilityMap(items, rule.getRequiredEvents())) {
                    notApplicable++;
                    continue;
                }
            } catch (RuntimeException e) {
                notes.add(rule.getId() + " failed and was skipped: " + describe(e));
                continue;
            }
            DependsOn dependency = rule.getClass().getAnnotation(DependsOn.class);
            Future<IResult> needed = dependency == null ? null : running.entrySet().stream()
                    .filter(en -> en.getKey().getClass() == dependency.value()).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (dependency != null && needed == null) {
                notApplicable++;
                continue;
            }
            running.put(rule, pool.submit(() -> run(rule, items, defaults, dependency, needed)));
        }
        List<HealthReport.Finding> findings = new ArrayList<>();
        List<String> late = new ArrayList<>();
        int evaluated = 0;
        for (Map.Entry<IRule, Future<IResult>> en : running.entrySet()) {
            IRule rule = en.getKey();
            IResult result;
            try {
                result = en.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                en.getValue().cancel(true);
                late.add(rule.getId());
                continue;
            } catch (ExecutionException e) {
                notes.add(rule.getId() + " failed and was skipped: " + describe(e.getCause()));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                en.getValue().cancel(true);
                late.add(rule.getId());
                continue;
            }
            HealthReport.Severity severity = result == null ? null : severity(result.getSeverity());
            if (severity == null) {
                notApplicable++;
                continue;
            }
            evaluated++;
            if (severity.compareTo(threshold) >= 0) {
                findings.add(finding(rule, result, severity));
            }
        }
        if (!late.isEmpty()) {
            notes.add(late.size() + (late.size() == 1 ? " rule" : " rules") + " did not finish within the time limit "
                    + "and were skipped: " + String.join(", ", late));
        }
        findings.sort(Comparator.comparing(HealthReport.Finding::severity).reversed()
                .thenComparing(HealthCheck::sortScore, Comparator.reverseOrder())
                .thenComparing(HealthReport.Finding::rule));
        return new HealthReport(threshold, findings, evaluated, notApplicable, notes);
    }

    /** A finding without a score ranks as the least of its severity. */
    static int sortScore(HealthReport.Finding f) {
        if (f.score() != null) {
            return f.score();
        }
        return switch (f.severity()) {
            case WARNING -> 75;
            case INFO -> 25;
            case OK -> 0;
        };
    }

    /** One rule; a dependent one only when the rule it depends on came out severe enough, given its results. */
    private static IResult run(IRule rule, IItemCollection items, IPreferenceValueProvider defaults,
            DependsOn dependency, Future<IResult> needed) throws Exception {
        ResultProvider dependencyResults = new ResultProvider();
        if (dependency != null) {
            IResult before = needed.get();
            if (before == null || before.getSeverity().compareTo(dependency.severity()) < 0
                    || severity(before.getSeverity()) == null) {
                return null;
            }
            dependencyResults.addResults(before);
        }
        RunnableFuture<IResult> evaluation = rule.createEvaluation(items, defaults, dependencyResults);
        evaluation.run();
        return evaluation.get();
    }

    private static HealthReport.Finding finding(IRule rule, IResult result, HealthReport.Severity severity) {
        IQuantity score = result.getResult(TypedResult.SCORE);
        Integer points = score == null ? null
                : (int) Math.round(Math.max(0, Math.min(100, score.doubleValue())));
        return new HealthReport.Finding(rule.getId(), rule.getName(), severity, points,
                text(result, result.getSummary()), text(result, result.getExplanation()),
                text(result, result.getSolution()));
    }

    /**
     * A message with its {placeholders} filled and its HTML gone. Tags are stripped from the template before the
     * values go in, so that a value such as {@code List<String>} stays whole.
     */
    static String text(IResult result, String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        // '' is MessageFormat's escaped quote, left in the texts that JMC does not pass through MessageFormat
        String plain = TAGS.matcher(template).replaceAll(" ").replace("''", "'");
        plain = plain.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        String filled = ResultToolkit.populateMessage(result, plain, false);
        String line = SPACE.matcher(filled == null ? plain : filled).replaceAll(" ").strip();
        // the texts go to the log and run.json; a rule on passwords in arguments quotes the arguments it found
        return line.isEmpty() ? null : Redaction.redactText(line);
    }

    /** Null for JMC's NA and IGNORE: the rule had nothing to say. */
    private static HealthReport.Severity severity(Severity s) {
        return switch (s) {
            case OK -> HealthReport.Severity.OK;
            case INFO -> HealthReport.Severity.INFO;
            case WARNING -> HealthReport.Severity.WARNING;
            default -> null;
        };
    }

    private static <T> T await(Future<T> future, long deadline, String what) throws IOException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException(what + " did not finish within the time limit");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IOException(what + " was interrupted");
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static void silenceJmcLogging() {
        JMC_LOGGER.setLevel(Level.OFF);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "perfgate-jmc-rules-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** For messages: "12 rules evaluated, 30 not applicable". */
    public static String counts(HealthReport report) {
        return String.format(Locale.ROOT, "%d rules evaluated, %d not applicable%s", report.rulesEvaluated(),
                report.rulesNotApplicable(), report.notes().isEmpty() ? "" : ", " + report.notes().size()
                        + " skipped");
    }
}
