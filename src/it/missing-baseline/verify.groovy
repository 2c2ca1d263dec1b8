def log = new File(basedir, "build.log").text
assert log.contains("perfgate:baseline")
assert log.contains("BUILD FAILURE")

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

