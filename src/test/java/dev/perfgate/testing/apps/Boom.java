package dev.perfgate.testing.apps;

/** Fails at start: prints "boom" and exits with code 3. */
public final class Boom {
    public static void main(String[] args) {
        System.err.println("boom");
        System.exit(3);
    }
}
