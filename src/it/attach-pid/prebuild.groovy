// Starts the it-service as "someone else's" JVM: no JFR, not started by perfgate. verify.groovy stops it; the
// service also exits by itself after 10 minutes, should the build JVM die before verify runs.
def jar = new File(localRepositoryPath, "dev/perfgate/it/it-service/1.0/it-service-1.0.jar")
assert jar.isFile() : "the it-service is not installed: " + jar
def socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
int port = socket.localPort
socket.close()
def java = new File(System.getProperty("java.home"), "bin/java").path
def service = new ProcessBuilder(java, "-Xmx128m", "-Dperfgate.port=" + port, "-Dit.workMs=1",
        "-Dit.exitAfterMs=600000", "-cp", jar.path, "dev.perfgate.it.ItService")
        .redirectErrorStream(true)
        .redirectOutput(new File(basedir, "outside-service.log"))
        .start()
new File(basedir, "outside-service.pid").text = service.pid().toString()

long deadline = System.currentTimeMillis() + 120_000
boolean ready = false
while (!ready && System.currentTimeMillis() < deadline && service.isAlive()) {
    try {
        new Socket("127.0.0.1", port).close()
        ready = true
    } catch (IOException notYet) {
        Thread.sleep(200)
    }
}
if (!ready) {
    service.destroyForcibly()
    throw new IllegalStateException("the outside service did not get ready; see outside-service.log")
}
new File(basedir, "attach.properties").text = "perfgate.baseUrl=http://127.0.0.1:" + port + "\n" +
        "perfgate.jfrAttachPid=" + service.pid() + "\n"
return true
