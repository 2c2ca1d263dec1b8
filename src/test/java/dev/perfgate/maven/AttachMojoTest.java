package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jfrAttachPid / jfrJmxUrl: conflicting or unusable settings are one-line errors before any load is sent. */
@org.apache.maven.api.plugin.testing.MojoTest
class AttachMojoTest {
    @TempDir
    Path dir;

    private RunMojo mojo;

    @BeforeEach
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void configure(RunMojo injected) throws Exception {
        mojo = injected;
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "duration", "2s");
        MojoExtension.setVariableValueToObject(mojo, "gates", new ArrayList<>());
    }

    @Test
    void pidAndUrlTogetherAreRejected() throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "jfrAttachPid", 4242L);
        MojoExtension.setVariableValueToObject(mojo, "jfrJmxUrl", "service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi");

        assertRejected("perfgate: both jfrAttachPid (4242) and jfrJmxUrl "
                + "(service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi) are set; keep one: the pid for a JVM on this "
                + "machine, the URL for one reached over JMX");
    }

    @Test
    void attachingToAServicePerfgateStartsIsRejected() throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "jfrAttachPid", 4242L);
        ServiceParameter service = new ServiceParameter();
        service.setCommand(List.of("./start.sh"));
        MojoExtension.setVariableValueToObject(mojo, "service", service);
        MojoExtension.setVariableValueToObject(mojo, "baseUrl", null);

        assertRejected("perfgate: jfrAttachPid names a JVM perfgate did not start, but <service> is configured and "
                + "perfgate records the service it starts itself; remove jfrAttachPid, or remove <service> to "
                + "profile a JVM started elsewhere");
    }

    @Test
    void credentialsWithoutAUrlAndHalfCredentialsAreRejected() throws Exception {
        String password = "pw-never-shown";
        MojoExtension.setVariableValueToObject(mojo, "jfrJmxPassword", password);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("jfrJmxUsername / jfrJmxPassword are set, but jfrJmxUrl is not")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));

        MojoExtension.setVariableValueToObject(mojo, "jfrJmxUrl", "service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi");
        assertRejected("perfgate: jfrJmxUsername and jfrJmxPassword go together; set both, or neither for a JMX "
                + "agent without authentication");

        MojoExtension.setVariableValueToObject(mojo, "jfrJmxUrl", "127.0.0.1:9010");
        MojoExtension.setVariableValueToObject(mojo, "jfrJmxUsername", "perfgate");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("jfrJmxUrl '127.0.0.1:9010' is not a JMX service URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password).doesNotContain("\n"));
    }

    @Test
    void aMissingJfcFileIsRejected() throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "jfrAttachPid", ProcessHandle.current().pid());
        MojoExtension.setVariableValueToObject(mojo, "jfrSettings", dir.resolve("missing.jfc").toString());

        assertRejected("perfgate: jfrSettings " + dir.resolve("missing.jfc") + " does not exist; give an existing "
                + ".jfc file, or profile / default");
    }

    @Test
    void aPidWithoutAProcessFailsBeforeAnyLoad() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(60, TimeUnit.SECONDS)).isTrue();
        MojoExtension.setVariableValueToObject(mojo, "jfrAttachPid", ended.pid());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: no process with pid " + ended.pid() + " to record JFR in")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(dir.resolve("out/run.json")).doesNotExist();
    }

    private void assertRejected(String message) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(message);
        assertThat(dir.resolve("out/run.json")).doesNotExist();
    }
}
