package org.activationlab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputFoldersTest {

    @Test
    void pagesGoWhereAskedElseBesideTheirRecordsUnlessTheRecordsAreTheCommittedOnes() {
        assertEquals(Path.of("elsewhere"), OutputFolders.pagesFor(Path.of("mine"), Path.of("elsewhere")));
        assertEquals(Path.of("docs", "results"), OutputFolders.pagesFor(Path.of("results"), null));
        assertEquals(Path.of("docs", "results"), OutputFolders.pagesFor(Path.of("./results/"), null));
        assertEquals(Path.of("docs", "results"), OutputFolders.pagesFor(Path.of("results").toAbsolutePath(), null));
        assertEquals(Path.of("mine", "docs"), OutputFolders.pagesFor(Path.of("mine"), null));
        assertEquals(Path.of("results", "mnist-mlp", "docs"),
                OutputFolders.pagesFor(Path.of("results", "mnist-mlp"), null));
    }
}
