package dev.perfgate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenScheduleTest {

    @Test
    void dueTimeIsIOverRate() {
        OpenSchedule s = new OpenSchedule(200, Duration.ZERO);
        assertThat(s.dueNanos(0)).isZero();
        assertThat(s.dueNanos(1)).isEqualTo(5_000_000L);
        assertThat(s.dueNanos(200)).isEqualTo(1_000_000_000L);
        assertThat(s.dueNanos(399)).isEqualTo(1_995_000_000L);
    }

    @Test
    void noDriftForLargeRequestNumbers() {
        // 3 requests per second for a year of requests: accumulating 1/3 s intervals would drift; i/rate does not.
        OpenSchedule s = new OpenSchedule(3, Duration.ZERO);
        long i = 3L * 86_400 * 365;
        assertThat(s.dueNanos(i)).isCloseTo(86_400L * 365 * 1_000_000_000L, org.assertj.core.data.Offset.offset(
                1_000L));
        OpenSchedule fast = new OpenSchedule(100_000, Duration.ZERO);
        long big = 100_000L * 3_600 * 24; // a day at 100 k/s
        assertThat(fast.dueNanos(big)).isCloseTo(86_400L * 1_000_000_000L,
                org.assertj.core.data.Offset.offset(1_000L));
        // monotonic around the big number
        assertThat(fast.dueNanos(big + 1)).isGreaterThan(fast.dueNanos(big));
    }

    @Test
    void rampInvertsTheIntegralOfALinearRate() {
        // rate 100/s reached after 2 s: 100 requests are due during the ramp (100 * 2 / 2)
        OpenSchedule s = new OpenSchedule(100, Duration.ofSeconds(2));
        assertThat(s.dueNanos(0)).isZero();
        // request i is due at sqrt(2 i R / rate): i = 25 -> sqrt(1) = 1 s (a quarter of the ramp's requests by half its time)
        assertThat(s.dueNanos(25)).isCloseTo(1_000_000_000L, org.assertj.core.data.Offset.offset(1_000L));
        assertThat(s.dueNanos(100)).isCloseTo(2_000_000_000L, org.assertj.core.data.Offset.offset(1_000L));
        // after the ramp: constant rate
        assertThat(s.dueNanos(200)).isCloseTo(3_000_000_000L, org.assertj.core.data.Offset.offset(1_000L));
        // due times never go backwards across the ramp boundary
        for (long i = 0; i < 300; i++) {
            assertThat(s.dueNanos(i + 1)).isGreaterThanOrEqualTo(s.dueNanos(i));
        }
    }

    @Test
    void countsRequestsDueStrictlyBeforeTheEnd() {
        OpenSchedule s = new OpenSchedule(200, Duration.ZERO);
        assertThat(s.countBefore(Duration.ofSeconds(2))).isEqualTo(400);
        assertThat(s.countBefore(Duration.ofMillis(2_001))).isEqualTo(401);
        assertThat(s.countBefore(0)).isZero();
        assertThat(s.countBefore(1)).isEqualTo(1); // request 0 is due at 0
        OpenSchedule ramped = new OpenSchedule(200, Duration.ofSeconds(1));
        // 100 during the ramp, then 200/s for 1 s
        assertThat(ramped.countBefore(Duration.ofSeconds(2))).isEqualTo(300);
        // during the ramp: rate * t^2 / (2R) = 200 * 0.25 / 2 = 25 requests by 0.5 s
        assertThat(ramped.countBefore(Duration.ofMillis(500))).isEqualTo(25);
        OpenSchedule odd = new OpenSchedule(7.3, Duration.ofMillis(1_300));
        for (long d = 0; d < 5_000_000_000L; d += 37_000_001L) {
            long n = odd.countBefore(d);
            if (n > 0) {
                assertThat(odd.dueNanos(n - 1)).isLessThan(d);
            }
            assertThat(odd.dueNanos(n)).isGreaterThanOrEqualTo(d);
        }
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new OpenSchedule(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenSchedule(Double.NaN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
