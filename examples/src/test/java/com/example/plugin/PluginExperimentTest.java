package com.example.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activationlab.examples.cli.CommandLines;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment registered only in this module's test resources is listed and runs through {@code reproduce} and
 * {@code study} with its own option, with no edit to the command line.
 */
class PluginExperimentTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CommandLines.execute(out, err, args);
    }

    @Test
    void aRegisteredExperimentIsListedWithItsDefaultsAndOptions() {
        assertEquals(0, run("list"));
        String text = out.toString();
        assertTrue(text.contains("tiny-xor: a plug-in test experiment: a 2-8-2 network on 200 xor points"), text);
        assertTrue(text.contains("  defaults: 3 epochs, batch 20, SGD(lr=0.1"), text);
        assertTrue(text.contains("  --width N (default 8): Units of the hidden layer."), text);
        assertTrue(text.contains("mnist-mlp: ") && text.contains("playground: "), text);
    }

    @Test
    void itRunsThroughReproduceAndStudyAndKeepsFinishedRuns(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results");
        Path docs = tmp.resolve("docs");

        assertEquals(0, run("study", "tiny-xor", "--seeds", "2", "--width", "4", "--deterministic",
                "--out", results.toString(), "--docs", docs.toString()), err.toString());

        List<RunRecord> records = RunRecords.readAll(results, "tiny-xor");
        assertEquals(4, records.size());
        assertEquals(22, records.get(0).protocol().parameters(), "2-4-2: (2 * 4 + 4) + (4 * 2 + 2)");
        assertTrue(records.get(0).command().contains("--width 4"), records.get(0).command());
        assertTrue(Files.readString(docs.resolve("tiny-xor.md")).contains("## Is the difference real?"));
        assertTrue(out.toString().contains("4 runs trained, 0 finished runs kept"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("study", "tiny-xor", "--seeds", "2", "--width", "4", "--deterministic",
                "--out", results.toString(), "--docs", docs.toString()), err.toString());
        assertTrue(out.toString().contains("0 runs trained, 4 finished runs kept"), out.toString());

        assertEquals(2, run("reproduce", "tiny-xor", "--depth", "3", "--out", results.toString()));
        assertTrue(err.toString().contains("--depth does not apply to tiny-xor; its options: --width"),
                err.toString());
    }
}
