package dev.perfgate.load.tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Any other load tool: a command perfgate runs per trial and a result file it imports (the pom's {@code <loadCommand>}
 * and its companions).
 *
 * @param command     the command line; {@code ${perfgate.baseUrl}}, {@code ${perfgate.duration}} (seconds),
 *                    {@code ${perfgate.users}}, {@code ${perfgate.rate}}, {@code ${perfgate.trial}} and
 *                    {@code ${perfgate.resultsDir}} (the trial's directory) are replaced in each argument
 * @param resultFile  what the command writes, relative to the trial's directory or absolute; a glob in the file
 *                    name ({@code host-*.hlog}) merges every match (one file per generator host); for "wrk" empty
 *                    or {@code -} means the command's own output
 * @param format      "hlog" (HdrHistogram interval log), "wrk" (wrk2 --latency output) or "k6" (k6 --out json)
 * @param requestName the request name for results that carry none (wrk2's; untagged hlog intervals); null for the
 *                    format's default
 * @param hlogUnit    the unit of an interval log's values: "microseconds" (default), "nanoseconds", "milliseconds"
 */
public record CommandSettings(List<String> command, String resultFile, String format, String requestName,
        String hlogUnit) {
    public CommandSettings {
        // Elements may be null (a pom argument Maven evaluated to nothing): CommandTool.problems names them.
        command = command == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(command));
    }
}
