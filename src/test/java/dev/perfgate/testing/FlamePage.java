package dev.perfgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back the frames that async-profiler's flame.html draws: its string pool (sorted, each entry sharing a
 * prefix with the one before) and its frame calls f/u/n, each preceded by d=… in a differential graph. Test-side,
 * so that tests can assert what a page draws rather than that a name occurs somewhere in it.
 */
public record FlamePage(String title, List<Frame> frames) {
    /** A drawn frame; {@code type} as the converter's (1 Java, 2 inlined or class), {@code diff} null for "new". */
    public record Frame(String name, int type, int level, long left, long width, Long diff) {
    }

    public static FlamePage read(Path html) throws IOException {
        String page = Files.readString(html);
        String title = page.substring(page.indexOf("<h1>") + 4, page.indexOf("</h1>"));
        String pool = page.substring(page.indexOf("const cpool = [") + "const cpool = [".length(),
                page.indexOf("];\nunpack(cpool);"));
        List<String> names = new ArrayList<>();
        for (String line : pool.strip().split("\n")) {
            String packed = line.substring(line.indexOf('\'') + 1, line.lastIndexOf('\''))
                    .replace("\\'", "'").replace("\\\\", "\\");
            names.add(names.isEmpty() ? packed
                    : names.get(names.size() - 1).substring(0, packed.charAt(0) - ' ') + packed.substring(1));
        }
        String calls = page.substring(page.indexOf("unpack(cpool);") + "unpack(cpool);".length(),
                page.lastIndexOf("search("));
        List<Frame> frames = new ArrayList<>();
        int level = 0;
        long left = 0;
        long width = 0;
        Long diff = 0L;
        for (String line : calls.strip().split("\n")) {
            if (line.startsWith("d=")) {
                diff = line.equals("d=U") ? null : Long.valueOf(line.substring(2));
                continue;
            }
            String[] args = line.substring(2, line.length() - 1).split(",");
            int key = Integer.parseInt(args[0]);
            // the page's own rules: f(key, level, left delta, width), u = one level up, n = next to the last
            switch (line.charAt(0)) {
                case 'f' -> {
                    level = Integer.parseInt(args[1]);
                    left += Long.parseLong(args[2]);
                    width = args.length > 3 ? Long.parseLong(args[3]) : width;
                }
                case 'u' -> {
                    level++;
                    width = args.length > 1 ? Long.parseLong(args[1]) : width;
                }
                case 'n' -> {
                    left += width;
                    width = args.length > 1 ? Long.parseLong(args[1]) : width;
                }
                default -> throw new IllegalStateException("unexpected frame line " + line);
            }
            frames.add(new Frame(names.get(key >>> 3), key & 7, level, left, width, diff));
        }
        return new FlamePage(title, frames);
    }

    public Optional<Frame> frame(String name) {
        return frames.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<Frame> all(String name) {
        return frames.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The frame directly below (the caller of) {@code f}. */
    public Optional<Frame> parent(Frame f) {
        return frames.stream().filter(p -> p.level() == f.level() - 1 && p.left() <= f.left()
                && f.left() < p.left() + p.width()).findFirst();
    }
}
