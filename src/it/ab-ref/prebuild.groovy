// Makes this IT's directory a git repository of its own with two commits: fast, then twice as slow.
def run(List<String> cmd) {
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd}: ${out}"
    return out
}
def source = new File(basedir, "src/main/java/it/AbService.java")
def service = { int sleepMs -> """package it;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

public final class AbService {
    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("perfgate.port");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/work", exchange -> {
            try {
                Thread.sleep(${sleepMs});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "done".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
""" }
if (new File(basedir, ".git").exists()) {
    return true // made by an earlier invocation of this IT
}
source.parentFile.mkdirs()
run(["git", "init", "-q", "-b", "main"])
run(["git", "config", "user.email", "it@perfgate.dev"])
run(["git", "config", "user.name", "perfgate IT"])
new File(basedir, ".gitignore").text = "target/\nbuild.log\n"
source.text = service(20)
run(["git", "add", "."])
run(["git", "commit", "-q", "-m", "fast"])
source.text = service(40)
run(["git", "commit", "-q", "-am", "slowed: /work sleeps 40 ms instead of 20"])
return true
