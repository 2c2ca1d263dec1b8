def log = new File(basedir, "build.log").text
assert log.contains("did not get ready within 5 s")
assert log.contains("it-service will never get ready") : "the message should show the service's last lines"

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

