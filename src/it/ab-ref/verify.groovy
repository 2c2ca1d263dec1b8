import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
// A/A: HEAD against the same code
def aa = new JsonSlurper().parse(new File(basedir, "target/aa/result.json"))
assert aa.passed == true : "A/A failed: " + aa.gates[0].message
def aaRun = new JsonSlurper().parse(new File(basedir, "target/aa/run.json"))
assert aaRun.pairing.order.size() == 8
assert aaRun.pairing.baselineRun == "ab-baseline.json"
assert new File(basedir, "target/aa/ab-baseline.json").length() > 0

// the slowed commit against its parent fails, naming the regression and the pairs
def ab = new JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
assert ab.passed == false
def gate = ab.gates[0]
assert gate.status == "fail" && gate.category == "regression"
assert gate.statistics.ratio > 1.2 && gate.statistics.intervalLow > 1.10
assert gate.message.contains("8 pairs") : gate.message
assert log =~ /p50 of GET \/work regressed/
assert log.contains("interleaved A/B against git ")
def base = new JsonSlurper().parse(new File(basedir, "target/perfgate/ab-baseline.json"))
def parent = ["git", "rev-parse", "HEAD~1"].execute(null, basedir).text.trim()
assert base.gitCommit == parent
def leftover = ["pgrep", "-f", "it.AbService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "a service was left running: " + leftover.text
