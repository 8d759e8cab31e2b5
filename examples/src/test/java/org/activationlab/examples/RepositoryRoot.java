package org.activationlab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder as the tests find it from the module's or the project's working folder. */
public final class RepositoryRoot {

    /** A file only the root has: a module folder may hold a {@code results/} or {@code docs/} of its own. */
    private static final String MARKER = "docs/guide.md";

    private RepositoryRoot() {
    }

    /** The nearest folder at or above the working folder that holds {@value #MARKER}. */
    public static Path find() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IOException(MARKER + " not found above " + Path.of("").toAbsolutePath());
    }
}
