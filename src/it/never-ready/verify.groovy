def log = new File(basedir, "build.log").text
assert log.contains("did not get ready within 5 s")
assert log.contains("it-service will never get ready") : "the message should show the service's last lines"

// the build stopped before a verdict: result.json says so, with the reason, for CI
def result = new groovy.json.JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
assert result.passed == false
assert result.failureCategories == ["infrastructure"]
assert result.runProblems.size() == 1 && result.runProblems[0].category == "infrastructure"
assert result.runProblems[0].message.contains("did not get ready")
assert result.gates.isEmpty()

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

