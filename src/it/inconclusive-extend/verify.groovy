import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def baseline = new JsonSlurper().parse(new File(basedir, "src/perf/baseline.json"))
assert baseline.trials.size() == 8 : "the baseline is measured with maxTrials trials"

def run = new JsonSlurper().parse(new File(basedir, "target/perfgate/run.json"))
assert run.load.plannedTrials == 2 && run.load.maxTrials == 8
assert run.trials.size() == 8 : "the run was not extended to maxTrials"
assert log =~ /perfgate: 1 relative check\(s\) inconclusive: p50 of GET \/work \(too few trials\)[^\n]*; running 6 more/

def result = new JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
def gate = result.gates[0]
assert gate.statistics.trials == 8 && gate.statistics.baselineTrials == 8
// two looks: each at alpha / 2
assert gate.statistics.alpha == 0.005
assert gate.status == "pass" : gate.message

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
