package dev.perfgate.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The importer fixtures under src/test/resources/imports/. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture /imports/" + name, e);
        }
    }
}
