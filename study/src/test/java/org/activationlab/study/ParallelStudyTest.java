package org.activationlab.study;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.optimizers.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs side by side: the same records as one after another, readable logs, resumable. */
class ParallelStudyTest {

    private static final Pattern PREFIX = Pattern.compile("^\\[run [1-6]/6] .*");

    @Test
    void deterministicRunsSideBySideWriteTheRecordsOfSequentialRuns(@TempDir Path tmp) {
        List<String> parallelLog = Collections.synchronizedList(new ArrayList<>());
        StudyResult sequential = study(1, line -> { }).run(tmp.resolve("sequential"));
        StudyResult parallel = study(3, parallelLog::add).run(tmp.resolve("parallel"));

        assertEquals(6, sequential.trained());
        assertEquals(6, parallel.trained());
        List<RunRecord> a = RunRecords.readAllIn(tmp.resolve("sequential"));
        List<RunRecord> b = RunRecords.readAllIn(tmp.resolve("parallel"));
        assertEquals(6, b.size());
        assertEquals(Boolean.TRUE, b.get(0).environment().intraOpPoolPerSession(), "the Maven tests set the variable");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(TimingsMasked.of(a.get(i)), TimingsMasked.of(b.get(i)), a.get(i).activation().spec() + " seed "
                    + a.get(i).seed());
        }
        assertEquals(a.stream().map(r -> r.activation().spec() + "/" + r.seed()).toList(),
                parallel.records().stream().map(r -> r.activation().spec() + "/" + r.seed()).sorted().toList());
        assertNotEquals(TimingsMasked.of(a.get(0)), TimingsMasked.of(a.get(1)), "the mask leaves the results");
        assertTrue(parallelLog.get(0).startsWith("activation-lab: 3 workers (--workers 3), each TensorFlow session"
                + " single-threaded"), parallelLog.get(0));
        List<String> epochLines = parallelLog.stream().filter(l -> l.contains(" epoch ")).toList();
        assertEquals(12, epochLines.size(), "2 epochs of 6 runs");
        assertTrue(epochLines.stream().allMatch(l -> PREFIX.matcher(l).matches()), "every run line names its run: "
                + epochLines);
        assertEquals(6, parallelLog.stream().filter(l -> l.contains("of 6] -> ")).count(), "the grid's progress");
    }

    @Test
    void aSecondParallelStudyKeepsEveryFinishedRun(@TempDir Path tmp) {
        study(2, line -> { }).run(tmp);
        StudyResult again = study(2, line -> { }).run(tmp);
        assertEquals(0, again.trained());
        assertEquals(6, again.kept());
        assertEquals(6, RunRecords.readAllIn(tmp).size());
    }

    @Test
    void aFailingRunDoesNotStopTheRunsBesideIt(@TempDir Path tmp) {
        Study study = Study.builder("side-by-side")
                // the tanh model ends in sigmoid, which the compiler refuses when its runs start to train
                .model(act -> act.spec().equals("tanh") ? Sequential.of(input(8), dense(8).activation(act),
                        dense(3).sigmoid()) : Sequential.of(input(8), dense(8).activation(act), dense(3).softmax()))
                .activations("relu", "tanh", "sigmoid").seeds(2).data(blobs(1), blobs(2), blobs(3))
                .optimizer(Sgd.of(0.1)).epochs(1).batchSize(16).deterministic(true).workers(2).progress(false)
                .build();
        StudyResult result = study.run(tmp);
        assertEquals(4, result.trained());
        assertEquals(2, result.failures().size());
        assertTrue(result.failures().get(0).startsWith("tanh seed "), result.failures().get(0));
        assertTrue(result.failures().get(0).contains("needs the model to end in softmax"), result.failures().get(0));
    }

    private static Study study(int workers, java.util.function.Consumer<String> log) {
        return Study.builder("side-by-side")
                .model(act -> Sequential.of(input(8), dense(16).activation(act), dense(3).softmax()))
                .activations("relu", "tanh", "sigmoid").seeds(2).data(blobs(1), blobs(2), blobs(3))
                .optimizer(Sgd.of(0.1)).epochs(2).batchSize(16).deterministic(true).workers(workers)
                .progress(false).log(log).build();
    }

    /** Three Gaussian clusters in 8 dimensions. */
    static Dataset blobs(long seed) {
        Random random = new Random(seed);
        int n = 300;
        int features = 8;
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (j % 3 == y[i] ? 2f : 0f) + (float) random.nextGaussian();
            }
        }
        return new Dataset("blobs-" + seed, x, y, new int[] {features}, List.of("a", "b", "c"), "generated");
    }
}
