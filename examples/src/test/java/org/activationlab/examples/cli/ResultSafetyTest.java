package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No result is lost or silently replaced, and bad output folders fail before any training. */
class ResultSafetyTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CommandLines.execute(out, err, args);
    }

    @Test
    void aDryRunPlansWithoutTrainingOrWritingAndThenKeepsWhatTheRealRunWrote(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("planned");
        String[] study = {"study", "mnist-mlp", "--activations", "relu,sigmoid", "--seeds", "1", "--epochs", "1",
            "--train-limit", "300", "--out", results.toString()};
        assertEquals(0, run(concat(study, new String[] {"--dry-run"})), err.toString());
        assertTrue(out.toString().contains("dry run: 2 runs to train, 0 finished runs kept; nothing trained or"
                + " written"), out.toString());
        assertTrue(err.toString().contains("would train relu seed 1 -> " + results.resolve("mnist-mlp")
                .resolve("relu-seed1.json")), err.toString());
        assertFalse(Files.exists(results), "a dry run makes no folder");

        assertEquals(0, run("study", "mnist-mlp", "--activations", "relu", "--seeds", "1", "--epochs", "1",
                "--train-limit", "300", "--out", results.toString()), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(concat(study, new String[] {"--dry-run"})), err.toString());
        assertTrue(out.toString().contains("dry run: 1 runs to train, 1 finished runs kept"), out.toString());
        assertEquals(2, run(concat(study, new String[] {"--dry-run", "--executor", "spark"})));
        assertTrue(err.toString().contains("--dry-run plans the study without an executor; drop --executor spark"),
                err.toString());
    }

    @Test
    void anOutputFolderThatIsAFileFailsInSecondsWithOneLine(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("results.txt"), "not a folder");
        long start = System.nanoTime();

        int code = run("reproduce", "mnist-mlp", "--activations", "relu", "--epochs", "1", "--out", file.toString(),
                "--docs", tmp.resolve("docs").toString());

        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, code);
        assertTrue(seconds < 10, "failed after " + seconds + " s, so before any training");
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("--out " + file + ": " + file + " is a file, not a folder"), message);
        assertEquals("not a folder", Files.readString(file));
        assertFalse(Files.exists(tmp.resolve("docs").resolve("mnist-mlp.md")));
    }

    @Test
    void withoutDocsThePagesOfAnotherRecordsFolderGoBesideItsRecordsNotOverTheCommittedOnes(@TempDir Path tmp)
            throws IOException {
        Path results = tmp.resolve("my-results");
        // the committed pages' folder as the commands see it: docs/results below the working folder
        Path committedPage = Path.of("docs", "results", "mnist-mlp.md");
        assertFalse(Files.exists(committedPage), "the module's working folder has no committed pages");

        assertEquals(0, run("reproduce", "mnist-mlp", "--activations", "relu", "--epochs", "1", "--train-limit", "300",
                "--out", results.toString()), err.toString());
        assertEquals(0, run("report", "--out", results.toString()), err.toString());

        assertTrue(Files.readString(results.resolve("docs").resolve("mnist-mlp.md")).contains("1 epoch"));
        assertTrue(Files.isRegularFile(results.resolve("docs").resolve("README.md")));
        assertFalse(Files.exists(committedPage), "nothing was written to the committed pages' folder");
        assertTrue(out.toString().contains("regenerated " + results.resolve("docs").resolve("mnist-mlp.md")),
                out.toString());
    }

    @Test
    void aRunWithOtherSettingsGoesToItsOwnFolderAndPage(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        Path docs = tmp.resolve("docs");
        String[] common = {"--activations", "relu", "--train-limit", "500", "--out", results.toString(), "--docs",
                docs.toString(), "--deterministic"};
        assertEquals(0, run(concat(new String[] {"reproduce", "mnist-mlp", "--epochs", "2"}, common)),
                err.toString());
        Path main = results.resolve("mnist-mlp").resolve("relu-seed1.json");
        String before = Files.readString(main);

        assertEquals(0, run(concat(new String[] {"reproduce", "mnist-mlp", "--epochs", "1"}, common)),
                err.toString());

        assertEquals(before, Files.readString(main), "the finished 2-epoch run is untouched");
        Path other = results.resolve("mnist-mlp/other-settings/epochs-1/relu-seed1.json");
        RunRecord quick = RunRecords.read(other);
        assertEquals(1, quick.protocol().epochs());
        assertTrue(err.toString().contains("settings differ from the runs in"), err.toString());
        assertTrue(Files.readString(docs.resolve("mnist-mlp.md")).contains("2 epochs"), "the paper page shows the"
                + " main folder's 2-epoch run");
        assertTrue(Files.isRegularFile(docs.resolve("mnist-mlp-epochs-1.md")));
        assertEquals(List.of(RunRecords.read(main)), RunRecords.readAll(results, "mnist-mlp"),
                "the paper page reads the main folder only");
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
