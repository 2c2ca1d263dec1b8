package dev.perfgate.imports;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The importer fixtures under src/test/resources/imports/. */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture /imports/" + name, e);
        }
    }
}
