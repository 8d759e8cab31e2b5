package org.activationlab.tf.callbacks;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingCallbacksTest {

    private static final Sequential MLP = Sequential.of(input(3), dense(4).tanh(), dense(2).softmax());

    private static Dataset data(int n) {
        Random random = new Random(n);
        float[] x = new float[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = x[i * 3] > 0 ? 1 : 0;
        }
        return new Dataset("data", x, y, new int[] {3}, List.of("no", "yes"), "generated");
    }

    @Test
    void csvLoggerWritesKerasColumnsOneRowPerEpoch(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.csv");
        try (CompiledModel m = ModelCompiler.compile(MLP, TrainingConfig.of(Sgd.of(0.1), 1))) {
            History h = m.fit(data(40), FitOptions.builder(3, 8).validation(data(20))
                    .callback(new CsvLogger(file, false)).build());
            List<String> lines = Files.readAllLines(file);
            assertEquals("epoch,accuracy,loss,val_accuracy,val_loss", lines.get(0));
            assertEquals(4, lines.size());
            for (int e = 0; e < 3; e++) {
                EpochStats s = h.epochs().get(e);
                assertEquals(e + "," + s.trainAccuracy() + "," + s.trainLoss() + "," + s.valAccuracy() + ","
                        + s.valLoss(), lines.get(e + 1));
            }
            // appending continues the file without a second header; no validation set, no val_ columns
            m.fit(data(40), FitOptions.builder(1, 8).callback(new CsvLogger(file, true)).build());
            List<String> appended = Files.readAllLines(file);
            assertEquals(5, appended.size());
            assertEquals(3, appended.get(4).split(",").length);
        }
    }

    @Test
    void learningRateLoggerReportsTheScheduledRate() {
        List<String> lines = new ArrayList<>();
        TrainingConfig config = TrainingConfig.of(Sgd.of(0.1), 1).withSchedule(new MultiStepDecay(List.of(2), 0.1));
        try (CompiledModel m = ModelCompiler.compile(MLP, config)) {
            m.fit(data(16), FitOptions.builder(3, 8).callback(new LearningRateLogger(lines::add)).build());
        }
        assertEquals(List.of("epoch 1: learning rate 0.1", "epoch 2: learning rate 0.1",
                "epoch 3: learning rate 0.01"), lines);
    }
}
