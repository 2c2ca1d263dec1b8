package dev.perfgate.run;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The commit a run was measured at, when the project is a git checkout and git is installed. */
public final class GitInfo {
    private GitInfo() {
    }

    public static String headCommit(File directory) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(directory)
                    .redirectErrorStream(true).start();
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (Exception e) {
            return null;
        }
    }
}
