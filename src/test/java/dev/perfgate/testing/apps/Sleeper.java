package dev.perfgate.testing.apps;

/** Runs but never opens a port: a service that never gets ready. */
public final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping without listening");
        Thread.sleep(300_000);
    }
}
