def log = new File(basedir, "build.log").text
def out = new File(basedir, "target/perfgate")
assert log.contains("perfgate: all 3 gate(s) passed")
assert new File(out, "run.json").length() > 0
assert new File(out, "result.md").text.contains("GET /work")
assert new File(out, "result.json").length() > 0
assert new File(out, "service.log").text.contains("it-service ready")
[1, 2].each { n ->
    assert new File(out, "trial-${n}.hlog").length() > 0 : "trial-${n}.hlog missing"
    assert new File(out, "trial-${n}.jfr").length() > 0 : "trial-${n}.jfr missing"
}
def serviceLog = new File(out, "service.log").text
def port = (serviceLog =~ /it-service starting on port (\d+)/)[0][1]
assert serviceLog.contains("args=[" + port + "]") : "the escaped \$\${perfgate.port} argument was not filled in"
def run = new groovy.json.JsonSlurper().parse(new File(out, "run.json"))
assert run.schemaVersion == 1
assert run.trials.size() == 2
assert run.overall.stats.count > 0
assert run.jfr.enabled == true
// the profile summary covers the measured windows only, from the first trial's start to the last trial's end
assert run.profile != null
assert run.profile.windowStartMillis == run.trials[0].startEpochMillis
assert run.profile.windowEndMillis == run.trials[-1].endEpochMillis
assert run.profile.javaSamples + run.profile.nativeSamples > 0
assert new File(out, "flame-cpu.html").text.startsWith("<!DOCTYPE html>")
["flame-alloc.html", "flame-lock.html", "profile-cpu.pb.gz", "profile-alloc.pb.gz", "profile-lock.pb.gz"].each { f ->
    assert new File(out, f).length() > 0 : "${f} missing"
}

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

