package org.activationlab.tf.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.dsl.Layers;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.optimizers.AdamW;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.optimizers.RmsProp;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.CosineDecay;
import org.activationlab.tf.schedules.LearningRateSchedule;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.schedules.OneCycle;
import org.activationlab.tf.schedules.StepDecay;
import org.activationlab.tf.training.Augmentation;
import org.activationlab.tf.training.FitOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    private static final ModelInfo INFO = new ModelInfo(List.of("red", "green", "blue"),
            Preprocessing.normalised(new double[] {0.5, 0.25}, new double[] {0.2, 0.3}));

    @TempDir
    static Path tmp;
    static Path saved;
    static float[] expected;
    static Dataset data = TinyImages.images(300, 3);
    static Map<String, float[]> optimizerState;
    static long step;

    @BeforeAll
    static void trainAndSave() throws IOException {
        saved = tmp.resolve("model");
        TrainingConfig config = TrainingConfig.of(new Adam(0.01, 0.8, 0.99, 1e-7), 5);
        try (CompiledModel model = ModelCompiler.compile(TinyImages.CNN, config)) {
            model.fit(data, FitOptions.builder(1, 32).build());
            ModelStore.save(model, INFO, saved, true);
            expected = model.predictProbabilities(data.features(), data.size());
            optimizerState = model.optimizerState();
            step = model.step();
        }
    }

    @Test
    void loadRestoresEverythingAndPredictsBitIdentically() throws IOException {
        assertEquals(List.of("model.json", "optimizer.bin", "weights.bin"), list(saved));
        try (LoadedModel loaded = ModelStore.load(saved)) {
            assertEquals(TinyImages.CNN.layers(), loaded.description().layers());
            assertEquals(INFO, loaded.info());
            assertEquals(new Adam(0.01, 0.8, 0.99, 1e-7), loaded.saved().config().optimizer());
            assertEquals(5, loaded.saved().config().seed());
            assertEquals(10, step);
            assertEquals(step, loaded.model().step());
            float[] actual = loaded.model().predictProbabilities(data.features(), data.size());
            assertArrayEquals(expected, actual, 0f);
            Map<String, float[]> state = loaded.model().optimizerState();
            assertEquals(optimizerState.keySet(), state.keySet());
            assertTrue(state.containsKey("adam/beta1_power") && state.containsKey("conv2d_1/kernel/adam_m"));
            optimizerState.forEach((k, v) -> assertArrayEquals(v, state.get(k), 0f, k));
            // beta1^(t+1) after t = 10 steps: it starts at beta1 and advances once per step
            assertEquals(Math.pow(0.8, 11), state.get("adam/beta1_power")[0], 1e-6);
        }
    }

    @Test
    void aSecondJvmPredictsBitIdentically() throws Exception {
        Path out = tmp.resolve("fresh-jvm.bin");
        Path features = tmp.resolve("features.bin");
        ByteBuffer b = ByteBuffer.allocate(4 * data.features().length);
        b.asFloatBuffer().put(data.features());
        Files.write(features, b.array());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), PredictInFreshJvm.class.getName(),
                saved.toString(), features.toString(), String.valueOf(data.size()), out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        float[] actual = new float[expected.length];
        ByteBuffer.wrap(Files.readAllBytes(out)).asFloatBuffer().get(actual);
        assertArrayEquals(expected, actual, 0f);
    }

    @Test
    void withoutOptimizerStateThereIsNoOptimizerFile() throws IOException {
        Path dir = tmp.resolve("light");
        try (LoadedModel loaded = ModelStore.load(saved)) {
            ModelStore.save(loaded.model(), INFO, dir, false);
        }
        assertEquals(List.of("model.json", "weights.bin"), list(dir));
        try (LoadedModel again = ModelStore.load(dir)) {
            assertArrayEquals(expected, again.model().predictProbabilities(data.features(), data.size()), 0f);
            // Adam starts afresh: beta powers at their initial values
            assertEquals(0.8f, again.model().optimizerState().get("adam/beta1_power")[0]);
        }
    }

    @Test
    void plainSgdHasNoOptimizerStateToRestore() throws IOException {
        Path dir = tmp.resolve("sgd");
        Dataset blobs = Blobs.blobs(200, 5, 3, 1);
        Sequential mlp = Sequential.of(Layers.input(5), Layers.dense(4).tanh(), Layers.dense(3).softmax());
        float[] before;
        try (CompiledModel model = ModelCompiler.compile(mlp, TrainingConfig.of(
                Sgd.of(0.1), 3))) {
            model.fit(blobs, FitOptions.builder(1, 20).build());
            assertEquals(Map.of(), model.optimizerState());
            ModelStore.save(model, new ModelInfo(blobs.classNames(), null), dir, true);
            before = model.predictProbabilities(blobs.features(), blobs.size());
        }
        try (LoadedModel loaded = ModelStore.load(dir)) {
            assertEquals(null, loaded.info().preprocessing());
            assertEquals(10, loaded.model().step());
            assertArrayEquals(before, loaded.model().predictProbabilities(blobs.features(), blobs.size()), 0f);
        }
    }

    @Test
    void theWholeTrainingConfigurationIsSaved() throws IOException {
        Sequential model = Sequential.of(Layers.input(4, 4, 1), Layers.flatten(), Layers.dense(3).softmax());
        List<Optimizer> optimizers = List.of(new Sgd(0.1, 0.9, true, 1e-4), new Adam(0.01, 0.8, 0.99, 1e-7),
                new AdamW(0.002, 0.9, 0.98, 1e-6, 0.05), new RmsProp(0.003, 0.95, 1e-7, 0.4, true, 1e-3));
        List<LearningRateSchedule> schedules = List.of(new StepDecay(3, 0.2), new MultiStepDecay(List.of(2, 5), 0.1),
                new CosineDecay(9, 2, 1e-5), new OneCycle(7, 0.3, 20, 1e3));
        for (int i = 0; i < optimizers.size(); i++) {
            TrainingConfig config = TrainingConfig.of(optimizers.get(i), 40 + i).withDeterministic(i % 2 == 0)
                    .withAugmentation(new Augmentation(i, i % 2 == 1)).withSchedule(schedules.get(i))
                    .withGradientClipping(0.5 * i).withLabelSmoothing(0.05 * i);
            Path dir = tmp.resolve("config-" + i);
            try (CompiledModel compiled = ModelCompiler.compile(model, config)) {
                ModelStore.save(compiled, new ModelInfo(List.of("a", "b", "c"), null), dir, false);
            }
            assertEquals(config, ModelStore.readInfo(dir).config());
        }
    }

    @Test
    void oneLineErrors() throws IOException {
        assertMessage(tmp.resolve("nothing"), "no saved model at " + tmp.resolve("nothing") + " (model.json is"
                + " missing)");

        Path future = copy("future");
        replace(future, "\"format_version\" : 1,\n  \"model\"", "\"format_version\" : 9,\n  \"model\"");
        assertMessage(future, future.resolve("model.json") + " has saved-model format version 9; this build reads"
                + " version 1 only: upgrade Activation Lab");

        Path wider = copy("wider");
        replace(wider, "\"units\" : 16", "\"units\" : 17");
        assertMessage(wider, wider.resolve("weights.bin") + ": tensor dense_1/kernel has shape [96, 16] but the"
                + " model needs [96, 17]; the description and the tensors are from different models");

        Path broken = copy("broken");
        byte[] bytes = Files.readAllBytes(broken.resolve("weights.bin"));
        bytes[100] ^= 1;
        Files.write(broken.resolve("weights.bin"), bytes);
        assertMessage(broken, broken.resolve("weights.bin") + " fails its checksum");

        Path truncated = copy("truncated");
        Files.write(truncated.resolve("weights.bin"), java.util.Arrays.copyOf(bytes, 200));
        assertMessage(truncated, truncated.resolve("weights.bin") + " is truncated");

        Path missing = copy("missing");
        Files.delete(missing.resolve("weights.bin"));
        assertMessage(missing, missing.resolve("weights.bin") + " is missing");

        Path unknownLayer = copy("unknown-layer");
        replace(unknownLayer, "\"type\" : \"dense\"", "\"type\" : \"dense3d\"");
        assertMessage(unknownLayer, unknownLayer.resolve("model.json") + " model layer 8: unknown layer type");
    }

    private static void assertMessage(Path dir, String prefix) {
        IOException e = assertThrows(IOException.class, () -> ModelStore.load(dir).close());
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    private static Path copy(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (String f : list(saved)) {
            Files.copy(saved.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    private static void replace(Path dir, String from, String to) throws IOException {
        Path json = dir.resolve("model.json");
        String text = Files.readString(json);
        assertTrue(text.contains(from), text);
        Files.writeString(json, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
