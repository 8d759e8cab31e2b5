package org.activationlab.study.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentInfoTest {

    @Test
    void captureFillsEveryField() {
        EnvironmentInfo env = EnvironmentInfo.capture("2.18.0", true);

        assertEquals("2.18.0", env.tensorflowVersion());
        assertEquals(true, env.intraOpPoolPerSession());
        assertEquals(0, env.intraOpThreads());
        assertEquals(false, EnvironmentInfo.capture("2.18.0", false).withIntraOpThreads(1).intraOpPoolPerSession());
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

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t",
                "-c", "user.email=t@example.org"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args));
    }

    @Test
    void rewrittenRecordsAndPagesDoNotMakeTheTreeDirtyButSourceChangesDo(@TempDir Path repo) throws Exception {
        Path record = repo.resolve("results/mnist-mlp/relu-seed1.json");
        Path page = repo.resolve("docs/results/mnist-mlp.md");
        Path source = repo.resolve("src/Main.java");
        for (Path f : List.of(record, page, source)) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "v1");
        }
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "init");

        Files.writeString(record, "v2");
        Files.writeString(page, "v2");
        String clean = EnvironmentInfo.gitCommit(repo);
        Files.writeString(source, "v2");
        String dirty = EnvironmentInfo.gitCommit(repo);

        assertTrue(clean.matches("[0-9a-f]{40,64}"), clean);
        assertEquals(clean + "-dirty", dirty);
    }
}
