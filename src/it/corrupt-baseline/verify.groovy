def log = new File(basedir, "build.log").text
assert log =~ /baseline.json/
assert log.contains("cannot be parsed")
assert log.contains("perfgate:baseline")

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

