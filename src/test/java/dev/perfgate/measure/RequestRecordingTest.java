package dev.perfgate.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.result.Latencies;
import dev.perfgate.result.RequestStats;
import org.junit.jupiter.api.Test;

class RequestRecordingTest {
    @Test
    void throughputCountsSuccessesOnlyAndErrorsAreByKind() {
        RequestRecording rec = new RequestRecording();
        for (int i = 0; i < 400; i++) {
            Latencies.recordNanos(rec.corrected(), 2_000_000L);
        }
        for (int i = 0; i < 20; i++) {
            Latencies.recordNanos(rec.uncorrected(), 1_000_000L);
        }
        rec.addError(ErrorKind.TIMEOUT, 16);
        rec.addError(ErrorKind.UNFINISHED, 364);

        RequestStats stats = rec.stats(2.0);

        assertThat(stats.count()).isEqualTo(400);
        assertThat(stats.errors()).isEqualTo(380);
        assertThat(stats.errorRate()).isEqualTo(0.95);
        assertThat(stats.throughput()).isEqualTo(10.0);
        assertThat(stats.errorsByKind()).containsEntry("timeout", 16L).containsEntry("unfinished", 364L);
        assertThat(stats.corrected().p50()).isEqualTo(2.0);
        assertThat(stats.uncorrected().p50()).isEqualTo(1.0);
    }
}
