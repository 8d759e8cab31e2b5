package org.activationlab.tf.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import java.util.stream.Stream;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.AdamW;
import org.activationlab.tf.optimizers.RmsProp;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.StepDecay;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after epoch 2 of 3 and resumed from its checkpoint ends as the uninterrupted run does. */
class CheckpointResumeTest {

    private static final ModelInfo INFO = new ModelInfo(List.of("red", "green", "blue"), null);
    private final Dataset train = TinyImages.images(240, 4);
    private final Dataset valid = TinyImages.images(60, 5);

    @TempDir
    Path tmp;

    private FitOptions.Builder options() {
        return FitOptions.builder(3, 32).shuffleSeed(7).validation(valid).probes(40);
    }

    /**
     * Every optimizer with every slot it keeps (Adam's moments and beta powers, AdamW's decay, RMSprop's centred
     * averages and momentum, SGD's momentum with weight decay), a step-dependent schedule and clipping.
     */
    static Stream<TrainingConfig> configs() {
        return Stream.of(Adam.defaults(), AdamW.defaults(), new RmsProp(0.002, 0.9, 1e-8, 0.5, true, 1e-4),
                new Sgd(0.05, 0.9, true, 5e-4)).map(o -> TrainingConfig.of(o, 11).withDeterministic(true)
                        .withSchedule(new StepDecay(1, 0.5)).withGradientClipping(5));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void resumedRunEqualsUninterruptedRun(TrainingConfig config) throws IOException {
        History full;
        Map<String, float[]> fullWeights;
        Map<String, float[]> fullState;
        try (CompiledModel model = ModelCompiler.compile(TinyImages.CNN, config)) {
            full = model.fit(train, options().build());
            fullWeights = model.weights();
            fullWeights.putAll(model.buffers());
            fullState = model.optimizerState();
            assertTrue(!fullState.isEmpty(), "the optimizer keeps state");
        }

        Path dir = tmp.resolve("checkpoints");
        try (CompiledModel model = ModelCompiler.compile(TinyImages.CNN, config)) {
            // the "crash": training stops after epoch 2, leaving its checkpoints behind
            model.fit(train, options().callback(new Checkpointer(model, INFO, dir, 1, "run-a", null))
                    .callback((s, control) -> {
                        if (s.epoch() == 2) {
                            control.stop("interrupted");
                        }
                    }).build());
        }
        assertEquals(List.of("epoch-0002"), list(dir));
        assertTrue(Checkpointer.latest(dir, "another run").isEmpty());
        Checkpoint checkpoint = Checkpointer.latest(dir, "run-a").orElseThrow();
        assertEquals(2, checkpoint.epoch());
        assertEquals(3, checkpoint.history().probes().size());

        History resumed;
        try (CompiledModel model = ModelCompiler.compile(TinyImages.CNN, config)) {
            checkpoint.restore(model);
            resumed = model.fit(train, options().resumeFrom(checkpoint.history())
                    .callback(new Checkpointer(model, INFO, dir, 2, "run-a", checkpoint.history())).build());
            Map<String, float[]> weights = model.weights();
            weights.putAll(model.buffers());
            fullWeights.forEach((k, v) -> assertArrayEquals(v, weights.get(k), 0f, k));
            Map<String, float[]> state = model.optimizerState();
            fullState.forEach((k, v) -> assertArrayEquals(v, state.get(k), 0f, k));
        }
        assertEquals(3, resumed.epochs().size());
        assertEquals(0.25 * config.optimizer().learningRate(), resumed.epochs().get(2).learningRate(), 1e-9);
        for (int i = 0; i < 3; i++) {
            assertEquals(withoutTimes(full.epochs().get(i)), withoutTimes(resumed.epochs().get(i)));
        }
        assertEquals(full.probes().size(), resumed.probes().size());
        for (int i = 0; i < full.probes().size(); i++) {
            assertEquals(full.probes().get(i).gradientNorms(), resumed.probes().get(i).gradientNorms());
            assertEquals(full.probes().get(i).units(), resumed.probes().get(i).units());
        }
        assertEquals(List.of("epoch-0002", "epoch-0003"), list(dir));
        Checkpointer.clear(dir);
        assertTrue(Files.notExists(dir));
    }

    private static EpochStats withoutTimes(EpochStats s) {
        return new EpochStats(s.epoch(), s.trainLoss(), s.trainAccuracy(), s.valLoss(), s.valAccuracy(), 0, 0,
                s.learningRate());
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
