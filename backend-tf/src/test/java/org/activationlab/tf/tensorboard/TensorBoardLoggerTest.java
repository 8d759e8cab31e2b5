package org.activationlab.tf.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activationlab.data.Dataset;
import org.activationlab.tf.saving.Blobs;
import org.activationlab.dsl.Layers;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.StepDecay;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;

class TensorBoardLoggerTest {

    @TempDir
    Path tmp;

    @Test
    void maskedCrcMatchesTensorFlowsDefinition() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC-32C's standard check value, then TensorFlow's mask: ((crc >> 15) | (crc << 17)) + 0xa282ead8
        assertEquals(0xE3069283, Hashing.crc32c().hashBytes(check).asInt());
        int rotated = (0xE3069283 >>> 15) | (0xE3069283 << 17);
        assertEquals(rotated + 0xa282ead8, TfRecords.maskedCrc(check, 0, check.length));
    }

    @Test
    void framingRoundTripsAndRefusesCorruption() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TfRecords.write(out, new byte[] {1, 2, 3});
        TfRecords.write(out, new byte[0]);
        byte[] bytes = out.toByteArray();
        assertEquals(2 * 16 + 3, bytes.length);
        assertEquals(3, bytes[0]);
        List<byte[]> back = TfRecords.readAll(new java.io.ByteArrayInputStream(bytes));
        assertEquals(2, back.size());
        assertEquals(3, back.get(0)[2]);
        bytes[13] ^= 1;
        IOException e = assertThrows(IOException.class,
                () -> TfRecords.readAll(new java.io.ByteArrayInputStream(bytes)));
        assertEquals("payload CRC mismatch at byte 0", e.getMessage());
    }

    @Test
    void writesEveryEpochsMetricsProbesAndTestScalars() throws IOException {
        Dataset train = Blobs.blobs(400, 6, 3, 1);
        Dataset valid = Blobs.blobs(90, 6, 3, 2);
        Sequential mlp = Sequential.of(Layers.input(6), Layers.dense(8).relu(), Layers.dense(3).softmax());
        Path run = tmp.resolve("tb").resolve("relu-seed-1");
        History h;
        Evaluation test;
        try (CompiledModel model = ModelCompiler.compile(mlp, TrainingConfig.of(Sgd.of(0.05), 1)
                .withSchedule(new StepDecay(1, 0.5)));
                TensorBoardLogger logger = new TensorBoardLogger(run)) {
            h = model.fit(train, FitOptions.builder(3, 16).validation(valid).probes(50)
                    .callback(logger).build());
            test = model.evaluate(valid);
            logger.test(test, 3);
        }
        List<Event> events = EventFiles.read(single(run));
        assertEquals("brain.Event:2", events.get(0).getFileVersion());
        Map<String, TreeMap<Long, Float>> s = EventFiles.scalars(run);
        for (int epoch = 1; epoch <= 3; epoch++) {
            var e = h.epochs().get(epoch - 1);
            assertEquals((float) e.trainLoss(), s.get("loss/train").get((long) epoch));
            assertEquals((float) e.trainAccuracy(), s.get("accuracy/train").get((long) epoch));
            assertEquals((float) e.valLoss(), s.get("loss/validation").get((long) epoch));
            assertEquals((float) e.valAccuracy(), s.get("accuracy/validation").get((long) epoch));
            // the schedule halves the rate every epoch
            assertEquals((float) (0.05 * Math.pow(0.5, epoch - 1)), s.get("learning_rate").get((long) epoch));
        }
        for (int epoch = 0; epoch <= 3; epoch++) {
            var p = h.probes().get(epoch);
            assertEquals((float) p.gradientNorm("dense_1/kernel"), s.get("gradient_norm/dense_1/kernel")
                    .get((long) epoch));
            assertEquals((float) p.loss(), s.get("probe/loss").get((long) epoch));
        }
        assertEquals(Map.of(3L, (float) test.accuracy()), s.get("accuracy/test"));
        assertEquals(Map.of(3L, (float) test.loss()), s.get("loss/test"));
        assertTrue(s.keySet().containsAll(List.of("gradient_norm/dense_1/bias", "gradient_norm/dense_2/kernel")));
    }

    private static Path single(Path run) throws IOException {
        try (var list = Files.list(run)) {
            List<Path> files = list.toList();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().startsWith("events.out.tfevents."));
            return files.get(0);
        }
    }
}
