def log = new File(basedir, "build.log").text
assert log.contains("p99x")
assert log.contains("250 mss")
assert log.contains("GET /nothing")
// validated before any load: the service was never started
assert !new File(basedir, "target/perfgate/service.log").exists()
assert !new File(basedir, "target/perfgate/run.json").exists()

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

