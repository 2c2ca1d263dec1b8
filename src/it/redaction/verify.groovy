import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.util.zip.GZIPInputStream
import java.util.zip.ZipInputStream

// The secrets, as invoker.properties hands them to the build (and so to the service's environment)
def props = new Properties()
new File(basedir, "invoker.properties").withInputStream { props.load(it) }
def env = { name -> props.getProperty("invoker.environmentVariables." + name) }
// the distinctive part of each value: a leak of the value without its prefix ("Bearer ", "sid=") counts too
def secrets = ["IT_AUTHORIZATION", "IT_COOKIE", "IT_SIGNATURE", "IT_API_KEY", "IT_SET_COOKIE"].collect { name ->
    def value = env(name)
    assert value : "invoker.properties has no " + name
    (value =~ /[A-Za-z]+Value-[0-9a-f]+/)[0]
}
assert secrets.size() == 5

def log = new File(basedir, "build.log")
def leaks = []

/** Every text a file holds: its bytes, and the entries of a zip (jar) or the content of a gzip file. */
def contents
contents = { String name, byte[] bytes ->
    def found = [[name, bytes]]
    if (name.endsWith(".gz")) {
        found += contents(name + "!", new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes())
    } else if (name.endsWith(".jar") || name.endsWith(".zip")) {
        def zip = new ZipInputStream(new ByteArrayInputStream(bytes))
        for (def entry = zip.nextEntry; entry != null; entry = zip.nextEntry) {
            found += contents(name + "!/" + entry.name, zip.readAllBytes())
        }
    }
    found
}

def scanned = 0
def files = [log]
new File(basedir, "target").eachFileRecurse(groovy.io.FileType.FILES) { files << it }
// written by perfgate:baseline beside the sources
files << new File(basedir, "src/perf/baseline.json")
files << new File(basedir, "docs/perf/baseline.md")
files.each { file ->
    assert file.isFile() : file.toString() + " was not written"
    contents(file.toString(), file.bytes).each { name, bytes ->
        scanned++
        // Latin-1 maps every byte to one char: an ASCII secret is found whatever the rest of the file holds
        // (JFR recordings keep strings as UTF-8 or Latin-1 bytes)
        def text = new String(bytes, StandardCharsets.ISO_8859_1)
        secrets.each { secret ->
            if (text.contains(secret)) {
                leaks << name + " contains " + secret
            }
        }
    }
}
assert leaks.isEmpty() : "secrets leaked:\n" + leaks.join("\n")
def out = new File(basedir, "target/perfgate")
assert new File(out, "trial-1.jfr").length() > 0 : "no JFR recording was scanned"
assert scanned > 20 : "only " + scanned + " files scanned"

// The headers were sent: the service answers 400 without them, and the error-rate gate passed
def result = new JsonSlurper().parse(new File(out, "result.json"))
assert result.passed == false
assert result.failureCategories == ["threshold"]
def errorRate = result.gates.find { it.metric == "errorRate" }
assert errorRate.status == "pass" : errorRate.message

// ... and where they are reported, they are masked
def run = new JsonSlurper().parse(new File(out, "run.json"))
def work = run.load.requests.find { it.name == "GET /work" }
assert work.headers == ["Authorization": "***", "Cookie": "***", "X-Tenant-Signature": "***"]
def keyed = run.load.requests.find { it.name == "GET /work?api_key=***" }
assert keyed != null : "the default name should mask the query value: " + run.load.requests*.name
assert keyed.path == "/work?api_key=***"
assert keyed.headers.values().every { it == "***" }
def baseline = new JsonSlurper().parse(new File(basedir, "src/perf/baseline.json"))
assert baseline.load.requests.find { it.name == "GET /work" }.headers.Authorization == "***"
assert new File(basedir, "docs/perf/baseline.md").text.contains("`GET /work?api_key=***`")

// The failing gate's message names the request as masked, in the log and in every report
def failed = result.gates.find { it.status == "fail" }
assert failed.description == "p99 of GET /work?api_key=***"
assert failed.failureCategory == "threshold"
def text = log.text
assert text =~ /ERROR\] perfgate: p99 of GET \/work\?api_key=\*\*\* is [0-9.]+ ms, but the maximum is /
assert text.contains("BUILD FAILURE")
assert new File(out, "result.md").text.contains("p99 of GET /work?api_key=*** is")

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
