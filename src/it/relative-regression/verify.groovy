import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def baseline = new File(basedir, "src/perf/baseline.json")
assert baseline.length() > 0 : "perfgate:baseline did not write the baseline"
def parsed = new JsonSlurper().parse(baseline)
assert parsed.schemaVersion == 1 && parsed.kind == "baseline"
assert parsed.trials.size() == 8

// the unchanged service passed, with its evidence in result.json
def unchanged = new JsonSlurper().parse(new File(basedir, "target/unchanged/result.json"))
assert unchanged.passed == true
def same = unchanged.gates[0]
assert same.status == "pass" : "unchanged service: " + same.message
assert same.statistics.trials == 8 && same.statistics.baselineTrials == 8
assert same.statistics.intervalHigh < 1.10
assert same.statistics.pValue < 0.01
assert new File(basedir, "target/unchanged/result.md").text.contains("### Relative checks")

// the 30 % slower one failed, and says by how much, with interval, p-value and trials
def slower = new JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
assert slower.passed == false
def gate = slower.gates[0]
assert gate.status == "fail" && gate.category == "regression"
assert gate.statistics.ratio > 1.2 && gate.statistics.intervalLow > 1.10
assert gate.statistics.pValue < 0.01 && gate.statistics.trials == 8 && gate.statistics.baselineTrials == 8
assert gate.message =~ /^p50 of GET \/work regressed \+\d+\.\d % \(median .* 98 % CI .* p\(worse than \+10 %\) [=<] .*; 8 vs 8 trials, spread .*\), beyond the maximum regression of 10 %$/
assert log =~ /p50 of GET \/work regressed/
assert log.contains("BUILD FAILURE")

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
