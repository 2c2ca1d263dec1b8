def log = new File(basedir, "build.log").text
assert log.contains("never got ready") || log.contains("not ready")
assert log.contains("it-service will never get ready") : "the message should show the service's last lines"

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

