def log = new File(basedir, "build.log").text
def baseline = new File(basedir, "src/perf/baseline.json")
assert baseline.length() > 0 : "perfgate:baseline did not write the baseline"
assert baseline.text.endsWith("\n")
def parsed = new groovy.json.JsonSlurper().parse(baseline)
assert parsed.schemaVersion == 1 && parsed.kind == "baseline"
assert new File(basedir, "docs/perf/baseline.md").text.contains("GET /work")
assert log =~ /p50 of GET \/work regressed/
assert log.contains("BUILD FAILURE")

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

