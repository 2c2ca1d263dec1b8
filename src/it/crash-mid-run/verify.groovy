def log = new File(basedir, "build.log").text
assert log.contains("exited")
assert log.contains("code 3")
assert log.contains("it-service crashing on purpose")

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

