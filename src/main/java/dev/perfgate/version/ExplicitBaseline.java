package dev.perfgate.version;

import dev.perfgate.service.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A baseline given as it is: a jar ({@code <baselineJar>}, launched with {@code java -jar} and the candidate's JVM
 * options and arguments) or a command ({@code <baselineCommand>}, run with the candidate's arguments in the
 * candidate's working directory).
 */
public record ExplicitBaseline(ServiceSpec.Launch launch) implements BaselineSource {

    public ExplicitBaseline {
        if (!(launch instanceof ServiceSpec.Jar) && !(launch instanceof ServiceSpec.Command)) {
            throw new IllegalArgumentException("an explicit baseline is a jar or a command: " + launch);
        }
    }

    /**
     * @throws BaselineVersionException when {@code jar} is not a file: a missing baseline is an error, never a pass
     */
    public static ExplicitBaseline jar(Path jar) throws BaselineVersionException {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new BaselineVersionException("<baselineJar> " + absolute + " does not exist; build or "
                    + "download the baseline version's jar there, or use <baselineRef> to build it from git");
        }
        return new ExplicitBaseline(new ServiceSpec.Jar(absolute));
    }

    /** @throws BaselineVersionException when {@code argv} is empty or has an empty element */
    public static ExplicitBaseline command(List<String> argv) throws BaselineVersionException {
        if (argv == null || argv.isEmpty() || argv.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new BaselineVersionException("<baselineCommand> is empty or has an empty <arg>; give the "
                    + "command that starts the baseline version, e.g. <baselineCommand><arg>./start-old.sh</arg>"
                    + "</baselineCommand>");
        }
        return new ExplicitBaseline(new ServiceSpec.Command(argv));
    }

    @Override
    public String description() {
        return launch instanceof ServiceSpec.Jar jar ? "jar " + jar.jar()
                : "command " + String.join(" ", ((ServiceSpec.Command) launch).argv());
    }

    @Override
    public ServiceSpec serviceSpec(ServiceSpec candidate) {
        return BaselineServices.withLaunch(candidate, launch, candidate.workingDirectory());
    }
}
