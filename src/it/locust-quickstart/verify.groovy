def log = new File(basedir, "build.log").text
def out = new File(basedir, "target/perfgate")
assert log.contains("perfgate: all 3 gate(s) passed")
assert log.contains("not corrected for coordinated omission")
// the locustfile uses FastHttpUser, which reports whole milliseconds: perfgate says so rather than pass it off as exact
assert log.contains("Locust reported whole milliseconds only")
def run = new groovy.json.JsonSlurper().parse(new File(out, "run.json"))
assert run.trials.size() == 3
assert run.requests.keySet() == ["GET /search", "GET /users/{id}"] as Set
assert run.requests["GET /search"].stats.count > 20
assert run.load.external.tool == "locust"
assert run.load.external.source == "src/perf/locustfile.py"
assert run.load.external.sha256 ==~ /[0-9a-f]{64}/
// the profile of the quickstart service is recorded as with the embedded engine
assert run.profile != null
[1, 2, 3].each { n ->
    assert new File(out, "tool-trial-${n}/samples.json").length() > 0 : "trial ${n}: no Locust samples"
}
// a secret-looking script property never reaches a file perfgate writes, nor the log
["run.json", "result.md", "result.json"].each { f ->
    assert !new File(out, f).text.contains("it-secret-token-4711") : "${f} holds the secret"
}
assert !log.contains("it-secret-token-4711")
assert run.load.external.settings["property.API_TOKEN"] == "***"
def leftover = ["pgrep", "-f", "perfgate_locustfile"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "a Locust process was left running: " + leftover.text
