def log = new File(basedir, "build.log").text
assert log =~ /p99 of GET \/work is [0-9.]+ ms, but the maximum is 10 ms/
assert log.contains("BUILD FAILURE")
assert !log.contains("errorRate of all requests is") || !(log =~ /ERROR.*errorRate/)

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text

