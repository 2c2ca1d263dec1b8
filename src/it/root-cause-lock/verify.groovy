def log = new File(basedir, "build.log").text
assert log =~ /p90 of GET \/work regressed/
def candidates = (log =~ /root cause candidate: (.*)/).collect { it[1] }
assert !candidates.isEmpty() : "no root-cause candidate in the log"
// the first candidate names the lock: its class or the method that takes it
assert candidates[0] =~ /^lock wait (on dev\.perfgate\.it\.ItService.Registry|at dev\.perfgate\.it\.ItService\.locked) / : "first candidate: " + candidates[0]
assert log =~ /Failed to execute goal .*; root cause candidate: lock wait (on|at) dev\.perfgate\.it\.ItService/

def run = new groovy.json.JsonSlurper().parse(new File(basedir, "target/perfgate/run.json"))
assert run.profile.monitorBySite.any { it.name == "dev.perfgate.it.ItService.locked" }
// requests wait for the lock, not for the CPU
assert run.profile.bottleneck.verdict in ["contention-bound", "I/O-bound"] : run.profile.bottleneck

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
