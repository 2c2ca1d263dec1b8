package dev.perfgate.gate;

import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentGuardTest {

    private static RunResult with(EnvironmentFingerprint env, JfrInfo jfr) {
        RunResult r = run().trials(1, "GET /x", req(constant(10, 1_000))).build();
        return new RunResult(r.schemaVersion(), r.kind(), r.pluginVersion(), r.createdAt(), r.gitCommit(), env,
                r.load(), jfr, r.trials(), r.overall(), r.requests(), r.flags());
    }

    private static EnvironmentFingerprint env(String os, String cpu, int cores, long memory, String java,
            List<String> jvmArgs) {
        return new EnvironmentFingerprint(os, "amd64", cpu, cores, memory, "Eclipse Adoptium", java, jvmArgs);
    }

    @Test
    void sameMachineAfterAnImageUpdateMatches() {
        RunResult before = with(env("Linux 6.1.0-18-amd64", "Xeon", 2, 8_000_000_000L, "17.0.12",
                List.of("-Xmx256m", "-Dapp.mode=a")), JfrInfo.off());
        RunResult after = with(env("Linux 6.1.0-25-amd64", "Xeon", 2, 8_050_000_000L, "17.0.13",
                List.of("-Xmx256m", "-Dapp.mode=b")), JfrInfo.off());
        // kernel and JDK patch levels, memory within 5 % and -D properties are not the environment
        assertThat(EnvironmentGuard.differences(before, after)).isEmpty();
    }

    @Test
    void everyDifferenceIsNamed() {
        RunResult before = with(env("Linux 6.1", "Xeon", 2, 8L << 30, "17.0.12", List.of("-Xmx256m")),
                new JfrInfo(true, "profile", List.of()));
        RunResult after = with(new EnvironmentFingerprint("Mac OS X 14.5", "aarch64", "Apple M2", 8, 16L << 30,
                "Eclipse Adoptium", "21.0.4", List.of("-Xmx512m", "-XX:+UseZGC")),
                new JfrInfo(true, "default", List.of()));
        assertThat(EnvironmentGuard.differences(before, after)).containsExactly(
                "CPU Xeon → Apple M2", "cores 2 → 8", "memory 8.0 GiB → 16.0 GiB", "JDK 17 → 21",
                "OS Linux → Mac OS X", "arch amd64 → aarch64", "JVM options -Xmx256m → -Xmx512m -XX:+UseZGC",
                "JFR settings profile → default");
    }

    @ParameterizedTest
    @CsvSource({"17.0.12, 17", "1.8.0_392, 8", "21, 21", "25-ea, 25", "weird, weird"})
    void javaMajorVersion(String version, String major) {
        assertThat(EnvironmentGuard.javaMajor(version)).isEqualTo(major);
    }
}
