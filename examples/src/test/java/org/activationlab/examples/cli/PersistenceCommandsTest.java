package org.activationlab.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.activationlab.data.Dataset;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.saving.LoadedModel;
import org.activationlab.tf.saving.ModelStore;
import org.activationlab.tf.tensorboard.EventFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * The acceptance path on real MNIST: reproduce with --save-models and --tensorboard, then predict PNGs of test
 * digits with the saved model and export it as a SavedModel; and the commands' one-line errors.
 */
class PersistenceCommandsTest {

    @TempDir
    static Path dir;
    static Path savedRun;
    static Dataset test;

    private static String[] run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLines.execute(out, err, args);
        assertEquals(expectedExit, exit, out + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @BeforeAll
    static void reproduceWithSavedModelAndEvents() throws IOException {
        run(0, "reproduce", "mnist-mlp", "--activations", "relu", "--epochs", "2", "--train-limit", "5000",
                "--deterministic", "--no-progress", "--save-models", dir.resolve("M").toString(), "--tensorboard",
                dir.resolve("T").toString(), "--out", dir.resolve("O").toString(), "--docs",
                dir.resolve("D").toString());
        savedRun = dir.resolve("M").resolve("mnist-mlp").resolve("relu-seed1");
        test = Mnist.load(DatasetResolver.fromEnvironment()).test();
    }

    /** Test digit {@code i} as an 8-bit greyscale PNG, as a user would have it. */
    private static Path png(int i, Path file) throws IOException {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        float[] x = test.features();
        for (int y = 0; y < 28; y++) {
            for (int c = 0; c < 28; c++) {
                image.getRaster().setSample(c, y, 0, Math.round(x[i * 784 + y * 28 + c] * 255));
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void predictPrintsTheDigitsLabelAndTheModelsProbabilities() throws IOException {
        Path seven = png(0, dir.resolve("digit-0.png"));
        assertEquals(7, test.label(0));
        String out = run(0, "predict", "--model", savedRun.toString(), seven.toString())[0];
        assertTrue(out.startsWith(seven + ": 7 0."), out);
        assertEquals(3, out.strip().split(": ", 2)[1].split(", ").length, out);

        // the PNG and the saved preprocessing give the inputs training had: the same probabilities
        try (LoadedModel loaded = ModelStore.load(savedRun)) {
            assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), loaded.info().classNames());
            for (int i = 1; i < 6; i++) {
                Path digit = png(i, dir.resolve("digit-" + i + ".png"));
                float[] p = loaded.model().predictProbabilities(Arrays.copyOfRange(test.features(),
                        i * 784, (i + 1) * 784), 1);
                int best = 0;
                for (int c = 1; c < 10; c++) {
                    best = p[c] > p[best] ? c : best;
                }
                String line = run(0, "predict", "--model", savedRun.toString(), "--top", "1", digit.toString())[0];
                assertEquals(String.format(Locale.ROOT, "%s: %d %.4f", digit, best, p[best]), line.strip());
            }
        }
    }

    @Test
    void tensorBoardEventsHoldTheRunsScalars() throws IOException {
        Map<String, TreeMap<Long, Float>> s = EventFiles.scalars(dir.resolve("T").resolve("mnist-mlp")
                .resolve("relu-seed1"));
        assertEquals(List.of(1L, 2L), List.copyOf(s.get("loss/train").keySet()));
        assertEquals(List.of(1L, 2L), List.copyOf(s.get("accuracy/validation").keySet()));
        assertEquals(0.01f, s.get("learning_rate").get(2L));
        assertEquals(1, s.get("accuracy/test").size());
        assertTrue(s.get("accuracy/test").get(2L) > 0.5, s.toString());
        // the record is written, so its checkpoints are gone, and their folders with them
        assertTrue(Files.notExists(dir.resolve("O").resolve(".checkpoints")));
    }

    @Test
    void probedExperimentsWriteGradientNormsPerTensor() throws IOException {
        Path tb = dir.resolve("T-probes");
        run(0, "experiment", "vanishing-gradients", "--activations", "sigmoid", "--depth", "2", "--width", "8",
                "--epochs", "2", "--train-limit", "1200", "--no-progress", "--tensorboard", tb.toString(), "--out",
                dir.resolve("O-probes").toString(), "--docs", dir.resolve("D-probes").toString());
        Path runDir = tb.resolve("vanishing-gradients").resolve("depth-2-width-8").resolve("sigmoid-seed1");
        Map<String, TreeMap<Long, Float>> s = EventFiles.scalars(runDir);
        RunRecord record = RunRecords.read(
                dir.resolve("O-probes").resolve("vanishing-gradients").resolve("depth-2-width-8")
                        .resolve("sigmoid-seed1.json"));
        assertEquals(3, record.probes().size());
        for (var probe : record.probes()) {
            for (var norm : probe.gradientNorms()) {
                assertEquals((float) norm.norm(), s.get("gradient_norm/" + norm.parameter()).get((long) probe.epoch()),
                        norm.parameter() + " at epoch " + probe.epoch());
            }
        }
        assertTrue(s.containsKey("gradient_norm/dense_1/kernel") && s.containsKey("gradient_norm/dense_3/bias"),
                s.keySet().toString());
    }

    @Test
    void exportWritesASavedModelTensorFlowLoads() {
        Path out = dir.resolve("exported");
        run(0, "export", "--model", savedRun.toString(), "--saved-model", out.toString());
        try (SavedModelBundle bundle = SavedModelBundle.load(out.toString(), "serve")) {
            assertEquals(List.of("serving_default"), bundle.signatures().stream()
                    .map(Signature::key).toList());
        }
        String err = run(2, "export", "--model", savedRun.toString(), "--saved-model", out.toString())[1];
        assertEquals("activation-lab: --saved-model " + out + " already exists; remove it or choose another folder",
                err.strip());
    }

    @Test
    void oneLineErrors() throws IOException {
        Path big = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", big.toFile());
        assertEquals("activation-lab: " + big + " is 32x32 pixels but the model takes 28x28; resize the image",
                run(2, "predict", "--model", savedRun.toString(), big.toString())[1].strip());

        Path rgb = dir.resolve("rgb.png");
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB), "png", rgb.toFile());
        assertEquals("activation-lab: " + rgb + " has 3 colour channel(s) (colour) but the model takes 1"
                + " (greyscale); convert the image",
                run(2, "predict", "--model", savedRun.toString(), rgb.toString())[1].strip());

        Path text = dir.resolve("note.png");
        Files.writeString(text, "not an image");
        assertEquals("activation-lab: " + text + " is not a PNG or JPEG image ImageIO can read",
                run(2, "predict", "--model", savedRun.toString(), text.toString())[1].strip());

        Path nowhere = dir.resolve("no-model");
        assertEquals("activation-lab: no saved model at " + nowhere + " (model.json is missing); save one with"
                + " --save-models DIR or ModelStore.save",
                run(2, "predict", "--model", nowhere.toString(), big.toString())[1].strip());


    }

    @Test
    void playgroundSavesItsModelButWritesNoEventsOrCheckpoints() throws IOException {
        String err = run(0, "reproduce", "playground", "--activations", "tanh", "--datasets", "circle",
                "--epochs", "20", "--no-progress", "--save-models", dir.resolve("M-pg").toString(), "--tensorboard",
                dir.resolve("T-pg").toString(), "--out", dir.resolve("O-pg").toString(), "--docs",
                dir.resolve("D-pg").toString())[1];
        assertTrue(err.contains("no TensorBoard events or checkpoints for this run: its experiment trains with fit"
                + " options of its own"), err);
        assertTrue(Files.notExists(dir.resolve("T-pg").resolve("playground")), err);
        assertTrue(Files.notExists(dir.resolve("O-pg").resolve(".checkpoints")), err);
        try (var saved = Files.walk(dir.resolve("M-pg"))) {
            assertEquals(1, saved.filter(p -> p.endsWith("model.json")).count(), err);
        }
    }
}
