def log = new File(basedir, "build.log").text
assert log =~ /baseline.json/
assert log.contains("cannot be parsed")
assert log.contains("perfgate:baseline")

// the build stopped before a verdict: result.json says so, with the reason, for CI
def result = new groovy.json.JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
assert result.passed == false
assert result.failureCategories == ["incomparable-baseline"]
assert result.runProblems.size() == 1 && result.runProblems[0].category == "incomparable-baseline"
assert result.runProblems[0].message.contains("cannot be parsed")
assert result.gates.isEmpty()

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

