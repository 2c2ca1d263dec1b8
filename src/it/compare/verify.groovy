import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, "build.log").text

// a run compared with itself: both gates pass, every report is in the chosen directory
def same = new JsonSlurper().parse(new File(basedir, "target/same/result.json"))
assert same.passed == true
assert same.gates*.status == ["pass", "pass"]
assert new File(basedir, "target/same/result.md").isFile()
assert new XmlSlurper().parse(new File(basedir, "target/same/TEST-perfgate.xml")).@failures.text() == "0"

// the slower run fails with one line naming the first violation, and the reports say so
assert log =~ /\[ERROR\] Failed to execute goal .*:compare .*perfgate: 2 of 2 check\(s\) failed: p99 of GET \/search is 312\.1 ms, but the maximum is 300 ms \(baseline 241\.0 ms, \+29\.5 %\) \(and 1 more above\); report: .*result\.md/
assert log =~ /\[ERROR\] perfgate: p95 of all requests regressed \+29\.5 %/
def slower = new JsonSlurper().parse(new File(basedir, "target/perfgate-compare/result.json"))
assert slower.passed == false
assert slower.gates*.category == ["threshold", "regression"]
def junit = new XmlSlurper().parse(new File(basedir, "target/perfgate-compare/TEST-perfgate.xml"))
assert junit.@tests.text() == "2" && junit.@failures.text() == "2"
assert junit.testcase*.@name*.text() == ["GET /search p99 max", "all requests p95 maxRegression"]
// nothing was measured: no run.json of its own
assert !new File(basedir, "target/perfgate/run.json").exists()
