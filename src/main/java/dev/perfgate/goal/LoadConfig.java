package dev.perfgate.goal;

import dev.perfgate.load.RequestDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What is sent, as the pom writes it: exactly one source of load — {@code <requests>} (or a {@code <scenarioFile>})
 * for perfgate's own engine, a {@code <script>} of Locust, k6 or JMeter, a {@code <loadCommand>} whose results are
 * imported, or a Java {@code <scenario>} — validated by {@link MeasurementPlanner}.
 *
 * @param requests         the request mix of perfgate's engine
 * @param scenarioFile     the request mix in a JSON file instead, or null
 * @param feeder           CSV rows for {@code #{column}} placeholders of perfgate's requests, or null
 * @param script           a locustfile, k6 script or JMeter plan, or null
 * @param scriptTool       locust, k6 or jmeter when the extension does not say, or null
 * @param scriptCommand    the tool's executable and leading arguments, or empty for the default
 * @param scriptArgs       extra arguments for the tool
 * @param scriptProperties handed to the script
 * @param scriptWorkers    Locust workers under a master; 0 for one process
 * @param jmeterVersion    the JMeter whose jars run a .jmx plan
 * @param jmeterArtifacts  further jars for a JMeter plan, groupId:artifactId:version
 * @param scenario         a Java scenario class on the test classpath, or null
 * @param scenarioJvmArgs  JVM options of the scenario's forked JVM
 * @param loadCommand      any other generator's command line; empty when not used
 * @param loadFormat       what loadCommand writes: hlog, wrk or k6
 * @param loadResultFile   the file loadCommand writes
 * @param loadRequestName  the request name for results that carry none
 * @param loadHlogUnit     the unit of an interval log's values
 */
public record LoadConfig(List<RequestDraft> requests, Path scenarioFile, Path feeder, Path script, String scriptTool,
        List<String> scriptCommand, List<String> scriptArgs, Map<String, String> scriptProperties, int scriptWorkers,
        String jmeterVersion, List<String> jmeterArtifacts, String scenario, List<String> scenarioJvmArgs,
        List<String> loadCommand, String loadFormat, String loadResultFile, String loadRequestName,
        String loadHlogUnit) {

    public LoadConfig {
        requests = Nulls.list(requests);
        scriptCommand = Nulls.list(scriptCommand);
        scriptArgs = Nulls.list(scriptArgs);
        scriptProperties = Nulls.map(scriptProperties);
        jmeterArtifacts = Nulls.list(jmeterArtifacts);
        scenarioJvmArgs = Nulls.list(scenarioJvmArgs);
        loadCommand = Nulls.list(loadCommand);
    }

    /** perfgate's own engine with these requests, nothing else. */
    public static LoadConfig requests(List<RequestDraft> requests) {
        return new LoadConfig(requests, null, null, null, null, List.of(), List.of(), Map.of(), 0, null, List.of(),
                null, List.of(), List.of(), null, null, null, null);
    }
}
