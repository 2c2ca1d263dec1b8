def log = new File(basedir, "build.log").text
def out = new File(basedir, "target/perfgate")
assert log.contains("perfgate: all 2 gate(s) passed")
assert new File(out, "service.log").text.contains("perfgate scenario runner: example.SearchScenario ready")
def run = new groovy.json.JsonSlurper().parse(new File(out, "run.json"))
assert run.trials.size() == 3
// the operations are recorded under the scenario's simple class name, every one of them
assert run.requests.keySet() == ["SearchScenario"] as Set
run.trials.each { t ->
    assert t.scheduled == 300 : "trial ${t.trial} scheduled ${t.scheduled}"
    assert t.requests.SearchScenario.count == 300
    assert t.jfr != null
    assert new File(out, "trial-${t.trial}.hlog").text.contains("corrected.SearchScenario")
}
assert run.overall.stats.errors == 0
// the load is the scenario: tool java, the class, its class file's hash
assert run.load.external.tool == "java"
assert run.load.external.source == "example.SearchScenario"
assert run.load.external.sha256 ==~ /[0-9a-f]{64}/
// the forked JVM was profiled like a service: the search is among its hot methods
assert run.jfr.enabled == true
assert run.profile != null
assert run.profile.javaSamples > 0
assert run.profile.totalTop.any { it.name.startsWith("example.TitleSearch") } : "hot methods: " + run.profile.totalTop

def leftover = ["pgrep", "-f", "dev.perfgate.scenario.ScenarioRunner"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "a scenario runner was left running: " + leftover.text
// the runner's own idle waits are not lock contention of the component
assert run.profile.bottleneck == null || run.profile.bottleneck.lockShare < 1.0 : "lock share " + run.profile.bottleneck
