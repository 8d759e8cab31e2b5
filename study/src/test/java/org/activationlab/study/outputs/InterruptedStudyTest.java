package org.activationlab.study.outputs;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.study.EpochListener;
import org.activationlab.study.Study;
import org.activationlab.study.StudyResult;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.optimizers.RmsProp;
import org.activationlab.tf.saving.LoadedModel;
import org.activationlab.tf.saving.ModelStore;
import org.activationlab.tf.schedules.StepDecay;
import org.activationlab.tf.tensorboard.EventFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study interrupted during a run continues it from its checkpoint through the study runner, and ends with the
 * record of an uninterrupted study (timings aside); every run gets its saved model and TensorBoard events with no
 * code of the experiment's.
 */
class InterruptedStudyTest {

    @TempDir
    Path tmp;

    private Study study(Path root, Consumer<String> log, EpochListener onEpoch) throws IOException {
        TrainTest mnist = Mnist.load(DatasetResolver.fromEnvironment());
        Dataset train = mnist.train().take(1_200);
        Dataset valid = mnist.test().take(300);
        Dataset test = mnist.test().subset(IntStream.range(300, 900).toArray(), "mnist-test-600");
        return Study.builder("resumable")
                .model(act -> Sequential.of(input(28, 28, 1), flatten(), dense(24).activation(act), dropout(0.2),
                        dense(10).softmax()))
                .activations("relu").seeds(1).data(train, valid, test)
                // RMSprop keeps three slots per tensor and the schedule depends on the step: both must be restored
                .optimizer(new RmsProp(0.002, 0.9, 1e-7, 0.5, true, 1e-4)).schedule(new StepDecay(1, 0.5))
                .epochs(3).batchSize(50).deterministic(true).progress(false).log(log).onEpoch(onEpoch)
                .outputs(new StudyOutputs(root.resolve("models"), root.resolve("tb"), root.resolve("checkpoints"), 1))
                .build();
    }

    @Test
    void anInterruptedRunContinuesFromItsCheckpointAndEndsAsAnUninterruptedOne() throws IOException {
        Path a = tmp.resolve("a");
        List<String> log = new ArrayList<>();
        boolean[] interrupted = {false};
        StudyResult crashed = study(a, log::add, (run, epoch) -> {
            if (epoch.epoch() == 2 && !interrupted[0]) {
                interrupted[0] = true;
                throw new IllegalStateException("simulated crash in epoch 2");
            }
        }).run(a.resolve("results"));
        assertEquals(1, crashed.failures().size(), log.toString());
        assertTrue(Files.isDirectory(a.resolve("checkpoints/resumable/relu-seed1/epoch-0001")), log.toString());

        log.clear();
        List<Integer> trained = new ArrayList<>();
        StudyResult resumed = study(a, log::add, (run, epoch) -> trained.add(epoch.epoch())).run(a.resolve("results"));
        assertEquals(1, resumed.trained(), log.toString());
        assertEquals(List.of(2, 3), trained, "only the remaining epochs train");
        assertTrue(log.stream().anyMatch(l -> l.endsWith("epochs 1-1 done, continuing from epoch 2")), log.toString());
        assertTrue(Files.notExists(a.resolve("checkpoints")), "checkpoints go once the record is written");

        Path b = tmp.resolve("b");
        study(b, line -> { }, (run, epoch) -> { }).run(b.resolve("results"));
        RunRecord expected = RunRecords.read(b.resolve("results/relu-seed1.json"));
        RunRecord actual = RunRecords.read(a.resolve("results/relu-seed1.json"));
        assertEquals(expected.fingerprint(), actual.fingerprint());
        assertEquals(withoutTimes(expected.history()), withoutTimes(actual.history()));
        assertEquals(0.0005, actual.history().get(2).learningRate(), 1e-9, "the schedule's position was restored");
        assertEquals(expected.test().loss(), actual.test().loss());
        assertEquals(expected.validation().accuracy(), actual.validation().accuracy());

        // the saved models of both are the same model
        try (LoadedModel x = ModelStore.load(a.resolve("models/resumable/relu-seed1"));
                LoadedModel y = ModelStore.load(b.resolve("models/resumable/relu-seed1"))) {
            assertEquals(x.model().weights().keySet(), y.model().weights().keySet());
            x.model().weights().forEach((k, v) -> assertTrue(Arrays.equals(v, y.model().weights().get(k)),
                    k));
        }
        Map<String, TreeMap<Long, Float>> events = EventFiles.scalars(a.resolve("tb/resumable/relu-seed1"));
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(events.get("loss/train").keySet()),
                "events of both processes: " + events.keySet());
        assertEquals((float) actual.test().accuracy(), events.get("accuracy/test").get(3L));
    }

    private static List<List<Double>> withoutTimes(List<EpochRecord> epochs) {
        return epochs.stream().map(e -> List.of((double) e.epoch(), e.trainLoss(), e.trainAccuracy(), e.valLoss(),
                e.valAccuracy(), e.learningRate())).toList();
    }
}
