package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activationlab.study.records.AtomicFiles;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study interrupted after some runs (simulated: one shard finished, a half-written temporary file left behind as
 * kill -9 would leave it) resumes without redoing or losing finished runs.
 */
class StudyResumeTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int study(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("study", "mnist-mlp", "--activations", "relu,sigmoid",
                "--seeds", "2", "--epochs", "1", "--train-limit", "300", "--no-progress", "--out",
                dir.resolve("results").toString(), "--docs", dir.resolve("docs").toString()));
        args.addAll(List.of(extra));
        return CommandLines.execute(out, err, args.toArray(String[]::new));
    }

    @Test
    void resumeKeepsFinishedRunsRunsTheRestAndIgnoresTornFiles() throws IOException {
        assertEquals(0, study("--shard", "1/2"));
        Path records = dir.resolve("results").resolve("mnist-mlp");
        List<RunRecord> shardOne = RunRecords.readAll(dir.resolve("results"), "mnist-mlp");
        assertEquals(2, shardOne.size(), "shard 1/2 of 4 runs");
        Path kept = records.resolve("relu-seed1.json");
        String keptBytes = Files.readString(kept);
        FileTime keptTime = Files.getLastModifiedTime(kept);
        Files.writeString(records.resolve("sigmoid-seed2.json.123" + AtomicFiles.TEMP_SUFFIX), "{\"schema_ver");

        assertEquals(0, study("--resume"));

        List<RunRecord> all = RunRecords.readAll(dir.resolve("results"), "mnist-mlp");
        assertEquals(4, all.size());
        assertEquals(keptBytes, Files.readString(kept), "a finished run is not redone");
        assertEquals(keptTime, Files.getLastModifiedTime(kept));
        assertTrue(err.toString().contains("relu seed 1: kept the finished run " + kept), err.toString());
        assertTrue(out.toString().contains("2 runs trained, 2 finished runs kept"), out.toString());
        assertTrue(all.stream().allMatch(r -> r.command().startsWith("bin/activation-lab study mnist-mlp")));
        String page = Files.readString(dir.resolve("docs").resolve("mnist-mlp.md"));
        assertTrue(page.contains("| ReLU() | 1, 2 | all finished |"), page);
        assertTrue(page.contains("## Is the difference real?"), page);

        Map<Path, byte[]> first = snapshot(dir.resolve("docs"));
        assertEquals(0, CommandLines.execute(new StringWriter(), new StringWriter(), "report", "--results",
                dir.resolve("results").toString(), "--docs", dir.resolve("docs").toString()));
        Map<Path, byte[]> second = snapshot(dir.resolve("docs"));
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.keySet().stream().anyMatch(p -> p.toString().endsWith("train-loss.png")), first.keySet()
                .toString());
        for (Path p : first.keySet()) {
            assertArrayEquals(first.get(p), second.get(p), "regenerated " + p + " differs");
        }
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
