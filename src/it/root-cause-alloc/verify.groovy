def log = new File(basedir, "build.log").text
def candidates = (log =~ /root cause candidate: (.*)/).collect { it[1] }
assert !candidates.isEmpty() : "no root-cause candidate in the log"
// the first candidate names the allocating method or the allocated class
assert candidates[0] =~ /^allocation (at|of) dev\.perfgate\.it\.ItService(\.allocate|.Chunk) / : "first candidate: " + candidates[0]
assert candidates.any { it =~ /^allocation at dev\.perfgate\.it\.ItService\.allocate / } : candidates.join("\n")

def run = new groovy.json.JsonSlurper().parse(new File(basedir, "target/perfgate/run.json"))
assert run.profile.allocationByClass[0].name.startsWith("dev.perfgate.it.ItService")
assert run.profile.requests > 0
def result = new groovy.json.JsonSlurper().parse(new File(basedir, "target/perfgate/result.json"))
assert result.rootCause.any { it.kind == "allocation-site" && it.name == "dev.perfgate.it.ItService.allocate" }
assert new File(basedir, "target/perfgate/result.md").text =~ /\| allocation \| `dev\.perfgate\.it\.ItService\.allocate` \|/

def leftover = ["pgrep", "-f", "dev.perfgate.it.ItService"].execute()
leftover.waitFor()
assert leftover.exitValue() != 0 : "an it-service process was left running: " + leftover.text
