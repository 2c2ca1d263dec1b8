package dev.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BottleneckTest {

    /** 10 s measured on 2 hardware threads; the JVM at {@code jvmCpu} of the machine. */
    private static ProfileSummary run(double jvmCpu, double machineCpu, List<ProfileSummary.Site> monitors,
            List<ProfileSummary.Site> io) {
        return new ProfileSummary(0, 10_000, 10_000, 500, 100, List.of(), List.of(), List.of(), 0, 0, List.of(),
                List.of(), null, monitors, List.of(), List.of(), List.of(), io, jvmCpu, machineCpu, 2, null, null,
                null, List.of());
    }

    @Test
    void requestsThatComputeMostOfTheirTimeAreCpuBound() {
        // 0.4 × 2 threads × 10 s = 8 s of CPU over 1 000 requests = 8 ms each, of 10 ms in the service
        Bottleneck b = run(0.4, 0.6, List.of(), List.of()).withLoad(1_000, 10).bottleneck();
        assertThat(b.verdict()).isEqualTo(Bottleneck.CPU_BOUND);
        assertThat(b.cpuMillisPerRequest()).isCloseTo(8, within(1e-9));
        assertThat(b.cpuShare()).isCloseTo(0.8, within(1e-9));
        assertThat(b.reason()).contains("8.00 ms of CPU per request against 10.00 ms mean service time (80 %)");
    }

    @Test
    void requestsThatMostlyWaitAreIoBound() {
        // 0.5 ms of CPU in a 50 ms request: a downstream call or a sleep
        Bottleneck b = run(0.025, 0.3, List.of(), List.of(new ProfileSummary.Site("socket read: a.Dao.q", 100,
                5_000))).withLoad(1_000, 50).bottleneck();
        assertThat(b.verdict()).isEqualTo(Bottleneck.IO_BOUND);
        assertThat(b.ioShare()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void requestsThatWaitForLocksAreContentionBound() {
        Bottleneck b = run(0.025, 0.3, List.of(new ProfileSummary.Site("a.Cache", 1_000, 30_000)), List.of())
                .withLoad(1_000, 50).bottleneck();
        assertThat(b.verdict()).isEqualTo(Bottleneck.CONTENTION);
        assertThat(b.lockShare()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void aSaturatedMachineIsCpuBoundWhateverTheRequests() {
        Bottleneck b = Bottleneck.of(run(0.5, 0.95, List.of(), List.of()));
        assertThat(b.verdict()).isEqualTo(Bottleneck.CPU_BOUND);
        assertThat(b.reason()).startsWith("the machine's CPU was 95 % busy");
    }

    @Test
    void withoutCpuLoadEventsThereIsNoVerdict() {
        assertThat(Bottleneck.of(run(0.5, 0.5, List.of(), List.of()).withLoad(10, 1))).isNotNull();
        ProfileSummary noCpu = new ProfileSummary(0, 1, 1, 0, 0, null, null, null, 0, 0, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(Bottleneck.of(noCpu)).isNull();
    }
}
