package org.activationlab.examples.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentInfoTest {

    @Test
    void captureFillsEveryField() {
        EnvironmentInfo env = EnvironmentInfo.capture("2.18.0");

        assertEquals("2.18.0", env.tensorflowVersion());
        assertEquals(System.getProperty("java.version"), env.javaVersion());
        assertTrue(env.availableProcessors() >= 1);
        assertFalse(env.cpuModel().isBlank());
        assertTrue(env.gitCommit().equals("unknown") || env.gitCommit().matches("[0-9a-f]{40,64}(-dirty)?"),
                env.gitCommit());
    }

    @Test
    void gitCommitIsUnknownOutsideARepository(@TempDir Path notARepo) {
        assertEquals("unknown", EnvironmentInfo.gitCommit(notARepo));
    }
}
