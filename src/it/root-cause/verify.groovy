def log = new File(basedir, "build.log").text
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, "src/perf/baseline.json"))
assert baseline.profile != null : "the baseline keeps its profile summary"

assert log =~ /p50 of GET \/work regressed/
// the first candidate is the method that got hot
def first = (log =~ /root cause candidate: (\S+)/)
assert first.find() && first.group(1) == "dev.perfgate.it.ItService.hot" : "first candidate: " + first
// lambda names carry no per-JVM numbers, so the same handler matches across the two JVMs
assert !(log =~ /Lambda[^.;\s]*0x/)
// the failure's own message ends with the top candidate
assert log =~ /Failed to execute goal .*perfgate: 1 of 1 check\(s\) failed: .*; root cause candidate: dev\.perfgate\.it\.ItService\.hot /
def md = new File(basedir, "target/perfgate/result.md").text
assert md.contains("### Root-cause candidates")
assert md.contains("| `dev.perfgate.it.ItService.hot` | ")
// the page packs names by shared prefixes, so only the class is searched for
assert new File(basedir, "target/perfgate/flame-cpu.html").text.contains("dev.perfgate.it.ItService")
// the check draws the difference from the two profile summaries' stacks
assert new File(basedir, "target/perfgate/flame-diff.html").text.contains("dev.perfgate.it.ItService")
assert log.contains("perfgate: differential CPU flame graph")
// the HTML report names the candidate, links the differential flame graph, and its path ends the check's log
def html = new File(basedir, "target/perfgate/index.html").text
assert html.contains("<td class=\"frame\">dev.perfgate.it.ItService.hot</td>")
assert html.contains("<a href=\"flame-diff.html\">")
assert log =~ /perfgate: HTML report: .*target.perfgate.index\.html/

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
