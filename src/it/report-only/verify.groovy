import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, "build.log").text
assert log.contains("BUILD SUCCESS")
assert log =~ /\[WARNING\] perfgate: p99 of GET \/work is [0-9.]+ ms, but the maximum is 10 ms/
assert log =~ /\[WARNING\] perfgate: 1 of 2 check\(s\) failed: p99 of GET \/work .*\(report-only: haltOnFailure is false, the build goes on\)/
assert !(log =~ /\[ERROR\] perfgate:/)

def json = new File(basedir, "target/perfgate/result.json")
assert json.isFile()
def result = new JsonSlurper().parse(json)
assert result.passed == false
def p99 = result.gates.find { it.description == "p99 of GET /work" }
assert p99.status == "fail" && p99.category == "threshold"

def md = new File(basedir, "target/perfgate/result.md")
assert md.isFile()
assert md.text.contains("❌ failed")
assert md.text =~ /❌ p99 of GET \/work is [0-9.]+ ms, but the maximum is 10 ms/

def xml = new File(basedir, "target/perfgate-reports/TEST-perfgate.xml")
assert xml.isFile()
def suite = new XmlSlurper().parse(xml)
assert suite.@tests.text() == "2" && suite.@failures.text() == "1"
def failed = suite.testcase.find { it.@name.text() == "GET /work p99 max" }
assert failed.failure.@message.text() =~ /^p99 of GET \/work is [0-9.]+ ms, but the maximum is 10 ms$/
assert failed.failure.@type.text() == "threshold"
assert suite.testcase.find { it.@name.text() == "all requests errorRate max" }.failure.size() == 0

// the invoker points GITHUB_STEP_SUMMARY at this file (see the pom): result.md was appended to it
def summary = new File(basedir, "../../it-step-summary.md")
assert summary.isFile() && summary.text.contains(md.text)

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
