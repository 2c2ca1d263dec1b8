package dev.perfgate.util;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** File name patterns such as {@code generators/*}{@code /trial-1.hlog}, resolved against a directory. */
public final class Globs {
    private Globs() {
    }

    /**
     * The regular files {@code pattern} matches, sorted; a pattern without wildcards names one file, which is
     * returned whether it exists or not (so the caller can say it is missing).
     *
     * @param base the directory relative patterns start from
     */
    public static List<Path> expand(Path base, String pattern) throws IOException {
        Path whole = base.resolve(pattern.trim()).normalize();
        String text = whole.toString().replace('\\', '/');
        int wildcard = indexOfWildcard(text);
        if (wildcard < 0) {
            return List.of(whole);
        }
        int slash = text.lastIndexOf('/', wildcard);
        Path root = Path.of(slash <= 0 ? "/" : text.substring(0, slash));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + text);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> matcher.matches(p.normalize())).sorted().toList();
        }
    }

    private static int indexOfWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
