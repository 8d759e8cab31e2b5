package org.activationlab.data.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.activationlab.data.download.DatasetResolver;

/** The project's dataset mirror and cache for tests that load real data (never from the internet). */
public final class TestMirror {

    private TestMirror() {
    }

    /**
     * The mirror from the system property if it holds {@code entry}, else {@code ../shared/data}
     * next to the project root if that does, else {@code null}.
     */
    public static Path find(String entry) {
        String property = System.getProperty(DatasetResolver.MIRROR_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path path = property.startsWith("file:") ? Path.of(URI.create(property)) : Path.of(property);
            if (Files.exists(path.resolve(entry))) {
                return path;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.exists(candidate.resolve(entry))) {
                return candidate;
            }
        }
        return null;
    }

    /** The cache from the system property (the build's shared test cache), else {@code fallback}. */
    public static Path cache(Path fallback) {
        String property = System.getProperty(DatasetResolver.CACHE_PROPERTY);
        return property == null || property.isBlank() ? fallback : Path.of(property);
    }
}
