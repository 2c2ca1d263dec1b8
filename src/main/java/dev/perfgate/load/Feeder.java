package dev.perfgate.load;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Data rows for parameterised requests, as Gatling's and JMeter's CSV feeders: the n-th request of each request
 * spec uses row {@code n % rows.size()}, so a run is deterministic and every spec uses every row in turn.
 *
 * @param source  where the rows came from (for messages and the load hash)
 * @param columns column names, from the CSV header
 * @param rows    the values; every row has one value per column
 */
public record Feeder(String source, List<String> columns, List<Map<String, String>> rows) {
    public Feeder {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        rows = rows.stream().map(Map::copyOf).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("feeder " + source + " has no data rows");
        }
    }

    public Map<String, String> row(long sequence) {
        return rows.get((int) Math.floorMod(sequence, (long) rows.size()));
    }
}
