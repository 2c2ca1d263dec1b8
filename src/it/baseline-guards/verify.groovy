import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text

// another JVM setup: the relative check is skipped with a warning naming the difference; the absolute one applies
def other = new JsonSlurper().parse(new File(basedir, "target/other-jvm/result.json"))
assert other.passed == true
assert other.gates[0].status == "pass" && other.gates[0].category == "threshold"
def skipped = other.gates[1]
assert skipped.status == "skipped" && skipped.category == "environment-mismatch"
assert skipped.message == "p50 of GET /work: the maximum regression of 50 % was skipped, because the baseline was " +
        "measured in another environment (JVM options -Xmx128m → -Xmx96m); record the baseline on this machine " +
        "with mvn package perfgate:baseline, or set <onEnvironmentMismatch>warn</onEnvironmentMismatch> to compare anyway"
assert other.warnings.contains(skipped.message)

// a changed load definition is an error for relative checks, telling to record the baseline again
def changed = new JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
assert changed.passed == false
def incomparable = changed.gates[1]
assert incomparable.status == "fail" && incomparable.category == "incomparable-baseline"
assert incomparable.message.startsWith("p50 of GET /work: the maximum regression of 50 % was not checked, because " +
        "the load definition changed since the baseline was recorded (load hash ")
assert incomparable.message.endsWith("); re-record it with mvn package perfgate:baseline")
assert log.contains("[ERROR] perfgate: " + incomparable.message)

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
