def pid = new File(basedir, "outside-service.pid").text.trim()
def jcmd = new File(System.getProperty("java.home"), "bin/jcmd").path
try {
    def log = new File(basedir, "build.log").text
    def out = new File(basedir, "target/perfgate")
    assert log.contains("perfgate: recording JFR (profile) in pid " + pid)
    assert log.contains("perfgate: stopped and closed the JFR recording in pid " + pid)
    assert !log.contains("starting the service")

    def run = new groovy.json.JsonSlurper().parse(new File(out, "run.json"))
    assert run.jfr.enabled == true && run.jfr.settings == "profile"
    assert run.trials.size() == 2
    [1, 2].each { n ->
        assert run.trials[n - 1].jfr == "trial-${n}.jfr"
        assert new File(out, "trial-${n}.jfr").length() > 0 : "trial-${n}.jfr missing"
    }
    assert run.profile != null : "the attached recording was analysed"
    assert new File(out, "flame-cpu.html").text.contains("dev.perfgate.it.ItService")

    // perfgate did not start the service: it must still run, with no recording left in it
    assert ProcessHandle.of(pid as long).map { it.isAlive() }.orElse(false) : "the outside service was stopped"
    def check = [jcmd, pid, "JFR.check"].execute()
    check.waitFor()
    def checked = check.text
    assert checked.contains("No available recordings") : "a recording was left in the service: " + checked
} finally {
    ProcessHandle.of(pid as long).ifPresent { it.destroy() }
}
