package dev.perfgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NinesTest {
    @Test
    void eachNineGetsOneUnitOfTheAxis() {
        assertThat(Nines.x(0)).isZero();
        assertThat(Nines.x(0.5)).isCloseTo(0.30103, within(1e-5));
        assertThat(Nines.x(0.9)).isCloseTo(1, within(1e-12));
        assertThat(Nines.x(0.99)).isCloseTo(2, within(1e-12));
        assertThat(Nines.x(0.999)).isCloseTo(3, within(1e-9));
        assertThat(Nines.x(0.9999)).isCloseTo(4, within(1e-9));
        assertThat(Nines.x(1)).isInfinite();
    }

    @Test
    void quantileIsTheInverse() {
        for (double q : new double[] {0, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 0.99999}) {
            assertThat(Nines.quantile(Nines.x(q))).as("q = %s", q).isCloseTo(q, within(1e-12));
        }
        assertThatThrownBy(() -> Nines.x(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nines.x(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nines.quantile(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ticksAreLabelledAsPercentiles() {
        assertThat(Nines.ticks(4).stream().map(Nines::label).toList())
                .containsExactly("0 %", "90 %", "99 %", "99.9 %", "99.99 %");
        assertThat(Nines.label(6)).isEqualTo("99.9999 %");
        assertThat(Nines.label(1.5)).isEqualTo("96.84 %");
        assertThat(Nines.label(Nines.x(0.5))).isEqualTo("50 %");
    }

    @Test
    void theAxisEndsOnATickBetweenFourAndSixNines() {
        assertThat(Nines.axisEnd()).isEqualTo(4);
        assertThat(Nines.axisEnd(0, 1, 50)).isEqualTo(4);
        assertThat(Nines.axisEnd(10_000)).isEqualTo(4);
        assertThat(Nines.axisEnd(10_001)).isEqualTo(5);
        assertThat(Nines.axisEnd(200, 150_000)).isEqualTo(6);
        assertThat(Nines.axisEnd(5_000_000_000L)).isEqualTo(6);
    }

    @Test
    void gridHasNoRoundingDrift() {
        List<Double> grid = Nines.grid(4);
        assertThat(grid).hasSize(81).startsWith(0.0, 0.05, 0.1, 0.15).endsWith(3.95, 4.0);
        assertThat(grid).contains(1.0, 2.0, 3.0, 0.7);
    }
}
