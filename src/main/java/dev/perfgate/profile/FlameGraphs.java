package dev.perfgate.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * CPU flame graphs as one self-contained HTML file, drawn by async-profiler's converter from stacks we collect
 * ourselves: only jdk.ExecutionSample (the converter's own JFR reading mixes in native samples, which are mostly
 * idle threads), only inside the measured windows, with lambda and hidden-class names made stable.
 */
public final class FlameGraphs {
    private FlameGraphs() {
    }

    /** Writes the CPU flame graph of the windows to {@code html}; returns the number of samples drawn. */
    public static long cpu(List<ProfileAnalyzer.Window> windows, Path html, String title) throws IOException {
        Map<String, Long> stacks = new HashMap<>();
        long samples = 0;
        for (ProfileAnalyzer.Window w : windows) {
            try (RecordingFile recording = new RecordingFile(w.file())) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent e = recording.readEvent();
                    if (!e.getEventType().getName().equals("jdk.ExecutionSample") || !inside(e.getStartTime(), w)
                            || e.getStackTrace() == null) {
                        continue;
                    }
                    stacks.merge(collapsed(e.getStackTrace().getFrames()), 1L, Long::sum);
                    samples++;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        stacks.forEach((stack, count) -> text.append(stack).append(' ').append(count).append('\n'));
        Arguments args = new Arguments();
        args.title = title;
        FlameGraph graph = new FlameGraph(args);
        graph.parseCollapsed(new StringReader(text.toString()));
        Files.createDirectories(html.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(html)) {
            graph.dump(out);
        }
        return samples;
    }

    private static boolean inside(Instant t, ProfileAnalyzer.Window w) {
        return (w.from() == null || !t.isBefore(w.from())) && (w.to() == null || t.isBefore(w.to()));
    }

    /** Root first, ';'-joined; spaces would end the stack in the collapsed format. */
    private static String collapsed(List<RecordedFrame> frames) {
        StringBuilder b = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(FrameNames.of(frames.get(i)).replace(' ', '_'));
        }
        return b.length() == 0 ? "unknown" : b.toString();
    }
}
