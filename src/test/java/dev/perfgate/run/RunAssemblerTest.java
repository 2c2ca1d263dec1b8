package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.RunResult;

import org.junit.jupiter.api.Test;

class RunAssemblerTest {

    @Test
    void buildingTwiceChangesNothing() {
        RunAssembler assembler = new RunAssembler();
        assembler.flag("the generator fell behind");

        RunResult first = assembler.build("test", "2026-01-01T00:00:00Z", null, null, null, JfrInfo.off());
        RunResult second = assembler.build("test", "2026-01-01T00:00:00Z", null, null, null, JfrInfo.off());

        assertThat(first.flags()).containsExactly("the generator fell behind", "no trial was measured");
        assertThat(second.flags()).isEqualTo(first.flags());
        assertThat(second).isEqualTo(first);
        assertThat(assembler.trialCount()).isZero();
    }
}
