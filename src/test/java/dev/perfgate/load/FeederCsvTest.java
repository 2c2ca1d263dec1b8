package dev.perfgate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeederCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsRowsWithQuotesAndCyclesThroughThem() throws IOException {
        Path csv = Files.writeString(dir.resolve("users.csv"),
                "\uFEFFid,name\r\n1,\"Ann, Jr.\"\n2,\"say \"\"hi\"\"\"\n\n3,Bo\n");
        Feeder feeder = FeederCsv.read(csv);

        assertThat(feeder.columns()).containsExactly("id", "name");
        assertThat(feeder.rows()).hasSize(3);
        assertThat(feeder.row(0)).containsEntry("name", "Ann, Jr.");
        assertThat(feeder.row(1)).containsEntry("name", "say \"hi\"");
        assertThat(feeder.row(3)).isEqualTo(feeder.row(0));
        assertThat(feeder.row(1_000_000_001L)).isEqualTo(feeder.row(2));
    }

    @Test
    void rejectsBrokenFilesWithTheirLocation() throws IOException {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "id,name\n1\n");
        assertThatThrownBy(() -> FeederCsv.read(ragged)).hasMessageContaining("row 2 has 1 values");
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), "id\n");
        assertThatThrownBy(() -> FeederCsv.read(headerOnly)).hasMessageContaining("no data rows");
        Path badColumn = Files.writeString(dir.resolve("bad.csv"), "user id\n1\n");
        assertThatThrownBy(() -> FeederCsv.read(badColumn)).hasMessageContaining("invalid column name 'user id'");
        Path open = Files.writeString(dir.resolve("open.csv"), "id\n\"1\n");
        assertThatThrownBy(() -> FeederCsv.read(open)).hasMessageContaining("inside a quoted value");
    }
}
