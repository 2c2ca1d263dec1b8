package dev.perfgate.testing;

import dev.perfgate.util.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A BuildLog that keeps every line; progress lines arrive from the engine's reporter thread, hence synchronized. */
public final class CapturedLog implements BuildLog {
    private static final Pattern READY_PID = Pattern.compile("service ready \\(pid (\\d+),");

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public List<String> containing(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    public int indexOf(String text) {
        List<String> all = lines();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** The pid of every service that got ready, in order. */
    public List<Long> readyPids() {
        List<Long> pids = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = READY_PID.matcher(line);
            if (m.find()) {
                pids.add(Long.parseLong(m.group(1)));
            }
        }
        return pids;
    }
}
