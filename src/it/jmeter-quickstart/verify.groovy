def log = new File(basedir, "build.log").text
def out = new File(basedir, "target/perfgate")
assert log.contains("perfgate: all 3 gate(s) passed")
assert log.contains("timed by JMeter from each sample's start")
assert log.contains("not corrected for coordinated omission")
def run = new groovy.json.JsonSlurper().parse(new File(out, "run.json"))
assert run.trials.size() == 3
assert run.requests.keySet() == ["GET /search", "GET /users/{id}"] as Set
assert run.requests["GET /search"].stats.count > 20
assert run.requests["GET /users/{id}"].stats.count > 20
assert run.load.external.tool == "jmeter"
assert run.load.external.source == "src/perf/quickstart.jmx"
assert run.load.external.sha256 ==~ /[0-9a-f]{64}/
assert run.load.external.settings["property.search.term"] == "latency"
// the profile of the quickstart service is recorded as with the embedded engine
assert run.profile != null
// JMeter's home is unpacked once from ApacheJMeter_config, beside the trials
assert new File(out, "jmeter-home/bin/jmeter.properties").isFile()
[1, 2, 3].each { n ->
    def jtl = new File(out, "tool-trial-${n}/results.jtl")
    assert jtl.length() > 0 : "trial ${n}: no JTL"
    assert jtl.readLines()[0].startsWith("timeStamp,elapsed,label,responseCode")
    def jmeterLog = new File(out, "tool-trial-${n}/jmeter.log").text
    assert jmeterLog.contains("Setting JMeter property: perfgate.host=127.0.0.1")
    // <scriptProperties> reach JMeter through a file (-q), so jmeter.log, which lists every -J value, lacks them
    assert !jmeterLog.contains("it-secret-jmeter-4711") : "trial ${n}: jmeter.log holds the secret"
    // the file JMeter read them from is deleted as soon as the trial's JMeter has ended
    assert !new File(out, "tool-trial-${n}/script.properties").exists() : "trial ${n}: script.properties was left"
}
// a secret-looking script property never reaches a file perfgate writes, nor the log
out.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    assert !new String(f.bytes, "ISO-8859-1").contains("it-secret-jmeter-4711") : "${f} holds the secret"
}
assert !log.contains("it-secret-jmeter-4711")
def leftover = ["pgrep", "-f", "org.apache.jmeter.NewDriver"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "a JMeter process was left running: " + leftover.text
