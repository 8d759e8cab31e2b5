package org.activationlab.study.outputs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyOutputsTest {

    @Test
    void aFinishedRunRemovesOnlyItsOwnCheckpointsAndTheStudyTidiesTheEmptyFoldersAtTheEnd(@TempDir Path root)
            throws IOException {
        Path ck = root.resolve("ck");
        StudyOutputs outputs = new StudyOutputs(null, null, ck, 1);
        RunOutputs relu = outputs.forRun(Path.of("exp/relu-seed1"), "tag", false, line -> { });
        RunOutputs sigmoid = outputs.forRun(Path.of("exp/sigmoid-seed1"), "tag", false, line -> { });
        Files.createDirectories(ck.resolve("exp/relu-seed1/epoch-0001"));
        Files.writeString(ck.resolve("exp/relu-seed1/epoch-0001/weights.json"), "{}");

        relu.recordWritten();

        assertFalse(Files.exists(ck.resolve("exp/relu-seed1")));
        assertTrue(Files.isDirectory(ck.resolve("exp")), "the folder above is shared with the runs side by side: a run"
                + " about to make its own folder in it must not find it deleted under it (nor fail deleting it)");
        Files.createDirectories(ck.resolve("exp/sigmoid-seed1"));
        Files.writeString(ck.resolve("exp/sigmoid-seed1/epoch-0001.json"), "{}");
        sigmoid.recordWritten();
        Files.createDirectories(ck.resolve("other/interrupted-seed1"));
        Files.writeString(ck.resolve("other/interrupted-seed1/epoch-0003.json"), "{}");

        outputs.tidy();

        assertFalse(Files.exists(ck.resolve("exp")), "empty folders go when the study ends");
        assertTrue(Files.isRegularFile(ck.resolve("other/interrupted-seed1/epoch-0003.json")),
                "an interrupted run's checkpoint stays for its resume");
        Files.delete(ck.resolve("other/interrupted-seed1/epoch-0003.json"));
        outputs.tidy();
        assertFalse(Files.exists(ck));
    }
}
