package dev.perfgate.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesNumbersWithUnits() {
        assertThat(Durations.parse("x", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("x", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("x", " 250 us ")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("x", "0s")).isZero();
    }

    @Test
    void rejectsWhatIsNotADurationNamingTheParameter() {
        for (String bad : new String[] {"10", "ten s", "-1s", "10 parsecs", "1.s"}) {
            assertThatThrownBy(() -> Durations.parse("<duration>", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("<duration> is '" + bad + "'");
        }
        assertThatThrownBy(() -> Durations.parse("<warmup>", " ")).hasMessageStartingWith("<warmup> is empty");
    }
}
