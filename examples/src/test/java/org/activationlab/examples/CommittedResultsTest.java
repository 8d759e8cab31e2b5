package org.activationlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed records and pages name data by what it is, never by a path on the machine that made them. */
class CommittedResultsTest {

    private static final Pattern MACHINE_PATH = Pattern.compile("/root/|/home/|/Users/|file:///|[A-Z]:\\\\");

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("results"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no results/ folder above " + Path.of("").toAbsolutePath());
        return dir;
    }

    @Test
    void noCommittedRecordOrPageHoldsAMachinePath() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(root().resolve("results")),
                Files.walk(root().resolve("docs/results")))) {
            offenders = files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".md"))
                    .filter(f -> MACHINE_PATH.matcher(read(f)).find()).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
