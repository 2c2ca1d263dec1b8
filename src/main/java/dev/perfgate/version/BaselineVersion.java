package dev.perfgate.version;

import dev.perfgate.service.ServiceSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The baseline version built from a git commit by {@link GitWorktreeBuild}.
 *
 * <p>Launches map onto the worktree: a main class runs from the worktree's classes and runtime class path; a jar is
 * taken from the same path, relative to the project directory, inside the worktree's copy of the module; a command
 * runs unchanged with the worktree's module as working directory, so it must use paths relative to the project
 * directory (an absolute path into the project would start the candidate).
 *
 * @param commit            the full commit id
 * @param ref               the ref it was asked for, as written (e.g. {@code origin/main})
 * @param projectDirectory  the candidate's project (module) directory
 * @param moduleDirectory   the same module inside the worktree
 * @param classes           the module's {@code target/classes} in the worktree
 * @param runtimeClasspath  the module's runtime dependencies as the baseline's build resolved them (no classes dir)
 */
public record BaselineVersion(String commit, String ref, Path projectDirectory, Path moduleDirectory, Path classes,
        List<Path> runtimeClasspath) implements BaselineSource {

    public BaselineVersion {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        Objects.requireNonNull(classes, "classes");
        runtimeClasspath = runtimeClasspath == null ? List.of() : List.copyOf(runtimeClasspath);
    }

    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    @Override
    public String description() {
        return ref == null || ref.isBlank() || commit.startsWith(ref) ? "git " + shortCommit()
                : "git " + shortCommit() + " (" + ref + ")";
    }

    /** The worktree's classes, then its runtime dependencies: what a main-class launch of the baseline uses. */
    public List<Path> classpath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        classpath.addAll(runtimeClasspath);
        return classpath;
    }

    @Override
    public ServiceSpec serviceSpec(ServiceSpec candidate) throws BaselineVersionException {
        Path workingDirectory = inWorktree(candidate.workingDirectory());
        ServiceSpec.Launch launch = candidate.launch();
        if (launch instanceof ServiceSpec.MainClass main) {
            if (!Files.isDirectory(classes)) {
                throw new BaselineVersionException("the baseline " + description() + " has no " + classes
                        + " to run " + main.mainClass() + " from; give the baseline as <baselineJar> or "
                        + "<baselineArtifact>");
            }
            return BaselineServices.withLaunch(candidate, new ServiceSpec.MainClass(main.mainClass(), classpath()),
                    workingDirectory);
        }
        if (launch instanceof ServiceSpec.Jar jar) {
            return BaselineServices.withLaunch(candidate, new ServiceSpec.Jar(baselineJar(jar.jar())),
                    workingDirectory);
        }
        return BaselineServices.withLaunch(candidate, launch,
                candidate.workingDirectory() == null ? moduleDirectory : workingDirectory);
    }

    /** A directory inside the project maps to the same place in the worktree; others (and null) stay as they are. */
    private Path inWorktree(Path path) {
        if (path == null) {
            return null;
        }
        Path project = projectDirectory.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? moduleDirectory.resolve(project.relativize(absolute)) : path;
    }

    private Path baselineJar(Path candidateJar) throws BaselineVersionException {
        Path project = projectDirectory.toAbsolutePath().normalize();
        Path absolute = candidateJar.toAbsolutePath().normalize();
        if (!absolute.startsWith(project)) {
            throw new BaselineVersionException("<service><jar> " + absolute + " is outside the project "
                    + project + ", so the baseline " + description() + " has no counterpart; give the baseline's "
                    + "jar in <baselineJar>");
        }
        Path jar = moduleDirectory.resolve(project.relativize(absolute));
        if (!Files.isRegularFile(jar)) {
            throw new BaselineVersionException("the baseline " + description() + " built no " + jar
                    + others(jar.getParent()) + "; the jar's name may differ between the versions: give the "
                    + "baseline's jar in <baselineJar>");
        }
        return jar;
    }

    /** The jars the baseline did build there, so the message shows what to put in {@code <baselineJar>}. */
    private static String others(Path directory) {
        List<String> jars = new ArrayList<>();
        if (directory != null && Files.isDirectory(directory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
                stream.forEach(p -> jars.add(p.getFileName().toString()));
            } catch (IOException e) {
                return "";
            }
        }
        jars.sort(null);
        return jars.isEmpty() ? "" : " (it has " + String.join(", ", jars) + ")";
    }
}
