package dev.perfgate.version;

import dev.perfgate.service.ServiceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A released version of the service, resolved from a repository: its jar and, for a main-class service, the jar
 * with its runtime dependencies.
 *
 * @param coordinates {@code groupId:artifactId:version} as resolved (the version is concrete, never a range)
 * @param jar         the artifact's file
 * @param classpath   the jar followed by its runtime dependencies; just the jar when they were not resolved
 */
public record BaselineArtifact(String coordinates, Path jar, List<Path> classpath) implements BaselineSource {

    public BaselineArtifact {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(jar, "jar");
        classpath = classpath == null || classpath.isEmpty() ? List.of(jar) : List.copyOf(classpath);
    }

    @Override
    public String description() {
        return "artifact " + coordinates;
    }

    @Override
    public ServiceSpec serviceSpec(ServiceSpec candidate) throws BaselineVersionException {
        ServiceSpec.Launch launch = candidate.launch();
        if (launch instanceof ServiceSpec.MainClass main) {
            return BaselineServices.withLaunch(candidate, new ServiceSpec.MainClass(main.mainClass(), classpath),
                    candidate.workingDirectory());
        }
        if (launch instanceof ServiceSpec.Jar) {
            return BaselineServices.withLaunch(candidate, new ServiceSpec.Jar(jar), candidate.workingDirectory());
        }
        throw new BaselineVersionException("<baselineArtifact> " + coordinates + " needs a <service> with "
                + "<jar> or <mainClass>, but the service is a <command>; give the baseline's command in "
                + "<baselineCommand>");
    }
}
