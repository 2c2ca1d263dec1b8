def log = new File(basedir, "build.log").text
def out = new File(basedir, "target/perfgate")
assert log.contains("perfgate: all 2 gate(s) passed")

def pids = (log =~ /perfgate: service ready \(pid (\d+),/).collect { it[1] }
assert pids.size() == 2 : "expected one service per trial, got pids " + pids
assert pids.toSet().size() == 2 : "both trials ran in the same service: " + pids
[1, 2].each { n ->
    assert log.contains("perfgate: starting a fresh service for trial ${n}/2")
    assert new File(out, "trial-${n}.hlog").length() > 0 : "trial-${n}.hlog missing"
    assert new File(out, "trial-${n}.jfr").length() > 0 : "trial-${n}.jfr missing"
}
assert (log =~ /perfgate: warming up for /).count == 2 : "each fresh service is warmed up"
assert (new File(out, "service.log").text =~ /it-service starting on port/).count == 2

def run = new groovy.json.JsonSlurper().parse(new File(out, "run.json"))
assert run.trials.size() == 2
assert run.load.restartPerTrial == true
assert run.load.plannedTrials == 2
assert run.overall.stats.count > 0

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
