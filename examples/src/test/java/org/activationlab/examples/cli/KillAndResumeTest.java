package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deterministic run killed with SIGKILL (as kill -9) once it has checkpointed an epoch, then continued with
 * --resume, trains only the remaining epochs and ends with the record of an uninterrupted run (timings aside).
 */
class KillAndResumeTest {

    @TempDir
    Path dir;

    private List<String> args(String out) {
        return new ArrayList<>(List.of("reproduce", "mnist-mlp", "--activations", "relu", "--epochs", "12",
                "--train-limit", "4000", "--deterministic", "--no-progress", "--out", dir.resolve(out).toString(),
                "--docs", dir.resolve(out + "-docs").toString()));
    }

    private String runHere(List<String> args) {
        StringWriter err = new StringWriter();
        assertEquals(0, CommandLines.execute(new StringWriter(), err, args.toArray(String[]::new)), err.toString());
        return err.toString();
    }

    @Test
    void killedRunResumesFromItsCheckpointAndEndsAsAnUninterruptedRun() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dactivationlab.mirror=" + System.getProperty("activationlab.mirror", ""),
                "-Dactivationlab.cache=" + System.getProperty("activationlab.cache", ""), Main.class.getName()));
        command.addAll(args("killed"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path checkpoints = dir.resolve("killed").resolve(".checkpoints").resolve("mnist-mlp").resolve("relu-seed1");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.isDirectory(checkpoints.resolve("epoch-0002")) && child.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(child.isAlive(), "the child ended before it could be killed: " + Files.readString(
                dir.resolve("child.log")));
        child.destroyForcibly().waitFor();   // SIGKILL: no shutdown hooks, no cleanup
        assertEquals(137, child.exitValue());
        assertTrue(Files.notExists(dir.resolve("killed").resolve("mnist-mlp").resolve("relu-seed1.json")));

        List<String> resume = args("killed");
        resume.add("--resume");
        String log = runHere(resume);
        Matcher m = Pattern.compile("epochs 1-(\\d+) done, continuing from epoch (\\d+)").matcher(log);
        assertTrue(m.find(), log);
        int done = Integer.parseInt(m.group(1));
        assertTrue(done >= 2 && done < 12, log);
        assertEquals(done + 1, Integer.parseInt(m.group(2)));
        assertTrue(!log.contains("epoch 1/12:") && log.contains("epoch " + (done + 1) + "/12:"), log);
        assertTrue(Files.notExists(dir.resolve("killed").resolve(".checkpoints")));

        runHere(args("reference"));
        RunRecord resumed = RunRecords.read(dir.resolve("killed").resolve("mnist-mlp").resolve("relu-seed1.json"));
        RunRecord reference = RunRecords.read(dir.resolve("reference").resolve("mnist-mlp")
                .resolve("relu-seed1.json"));
        assertEquals(withoutTimes(reference.history()), withoutTimes(resumed.history()));
        for (var pair : List.of(List.of(reference.test(), resumed.test()),
                List.of(reference.validation(), resumed.validation()))) {
            assertEquals(pair.get(0).loss(), pair.get(1).loss());
            assertEquals(pair.get(0).f1(), pair.get(1).f1());
            assertTrue(Arrays.deepEquals(pair.get(0).confusionMatrix(), pair.get(1).confusionMatrix()));
        }
    }

    private static List<List<Double>> withoutTimes(List<EpochRecord> epochs) {
        return epochs.stream().map(e -> List.of((double) e.epoch(), e.trainLoss(), e.trainAccuracy(), e.valLoss(),
                e.valAccuracy(), e.learningRate())).toList();
    }
}
