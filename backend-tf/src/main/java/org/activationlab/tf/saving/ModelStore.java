package org.activationlab.tf.saving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.json.ModelJson;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.schedules.LearningRateSchedule;
import org.activationlab.tf.training.Augmentation;

/**
 * Saves a trained model as one directory and loads it back without the code that built it:
 * <pre>
 * model.json     format and version, the model description ({@link ModelJson}), the training configuration
 *                (optimizer, schedule, seed, deterministic, augmentation, clipping, label smoothing), the step
 *                counter, class names, preprocessing
 * weights.bin    every trainable tensor and batch-norm buffer, by name, with its shape
 * optimizer.bin  the optimizer's slots (momentum, Adam's moments and beta powers, RMSprop's averages); only
 *                when saved with them
 * </pre>
 * The directory is written atomically. A loaded model predicts bit-identically to the saved one.
 */
public final class ModelStore {

    /** The value of model.json's {@code format} field. */
    public static final String FORMAT = "activation-lab-saved-model";
    /** The version this build writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;
    static final String DESCRIPTION_FILE = "model.json";
    static final String WEIGHTS_FILE = "weights.bin";
    static final String OPTIMIZER_FILE = "optimizer.bin";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    /**
     * Writes {@code model} into {@code dir}, replacing what was there.
     *
     * @param withOptimizer also save the optimizer state, to continue training the loaded model exactly
     */
    public static void save(CompiledModel model, ModelInfo info, Path dir, boolean withOptimizer)
            throws IOException {
        AtomicDirectory.write(dir, temp -> writeInto(temp, model, info, withOptimizer));
    }

    /** Writes the files of a saved model into the existing directory {@code dir}. */
    static void writeInto(Path dir, CompiledModel model, ModelInfo info, boolean withOptimizer) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("format_version", FORMAT_VERSION);
        root.set("model", ModelJson.encode(model.model()));
        TrainingConfig config = model.config();
        ObjectNode training = root.putObject("training");
        training.set("optimizer", SealedJson.encode((Record) config.optimizer()));
        training.set("schedule", SealedJson.encode((Record) config.schedule()));
        training.put("seed", config.seed()).put("deterministic", config.deterministic())
                .put("clip_norm", config.clipNorm()).put("label_smoothing", config.labelSmoothing());
        training.putObject("augmentation").put("padding", config.augmentation().padding())
                .put("horizontal_flip", config.augmentation().horizontalFlip());
        root.put("step", model.step());
        ArrayNode names = root.putArray("class_names");
        info.classNames().forEach(names::add);
        Preprocessing p = info.preprocessing();
        if (p != null) {
            ObjectNode pre = root.putObject("preprocessing").put("scale", p.scale());
            Arrays.stream(p.mean()).forEach(pre.putArray("mean")::add);
            Arrays.stream(p.std()).forEach(pre.putArray("std")::add);
        }
        root.put("optimizer_state", withOptimizer);
        Files.writeString(dir.resolve(DESCRIPTION_FILE), MAPPER.writeValueAsString(root));
        Map<String, float[]> tensors = new LinkedHashMap<>(model.weights());
        tensors.putAll(model.buffers());
        TensorFile.write(dir.resolve(WEIGHTS_FILE), tensors, model.tensorShapes());
        if (withOptimizer) {
            TensorFile.write(dir.resolve(OPTIMIZER_FILE), model.optimizerState(), model.optimizerStateShapes());
        }
    }

    /** The description, configuration and metadata of the saved model in {@code dir}, without compiling it. */
    public static SavedModelInfo readInfo(Path dir) throws IOException {
        Path file = dir.resolve(DESCRIPTION_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved model at " + dir + " (" + DESCRIPTION_FILE + " is missing); save one with"
                    + " --save-models DIR or ModelStore.save");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        String where = file.toString();
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(where + " is not an Activation Lab saved model (format '"
                    + root.path("format").asText() + "', expected '" + FORMAT + "')");
        }
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(where + " has saved-model format version " + version + "; this build reads version "
                    + FORMAT_VERSION + " only" + (version > FORMAT_VERSION ? ": upgrade Activation Lab" : ""));
        }
        try {
            Sequential model = ModelJson.decode(root.get("model"), where + " model");
            JsonNode training = root.path("training");
            Optimizer optimizer = SealedJson.decode(training.get("optimizer"), Optimizer.class, "optimizer",
                    where + " training.optimizer");
            LearningRateSchedule schedule = SealedJson.decode(training.get("schedule"), LearningRateSchedule.class,
                    "learning-rate schedule", where + " training.schedule");
            JsonNode aug = training.path("augmentation");
            TrainingConfig config = TrainingConfig.of(optimizer, training.path("seed").asLong())
                    .withDeterministic(training.path("deterministic").asBoolean())
                    .withAugmentation(new Augmentation(aug.path("padding").asInt(),
                            aug.path("horizontal_flip").asBoolean()))
                    .withSchedule(schedule)
                    .withGradientClipping(training.path("clip_norm").asDouble())
                    .withLabelSmoothing(training.path("label_smoothing").asDouble());
            List<String> names = new ArrayList<>();
            root.path("class_names").forEach(n -> names.add(n.asText()));
            JsonNode pre = root.get("preprocessing");
            Preprocessing preprocessing = pre == null || pre.isNull() ? null
                    : new Preprocessing(pre.path("scale").asDouble(), doubles(pre.path("mean")),
                            doubles(pre.path("std")));
            return new SavedModelInfo(model, config, new ModelInfo(names, preprocessing), root.path("step").asLong(),
                    root.path("optimizer_state").asBoolean());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage());
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /**
     * Loads the saved model in {@code dir}: rebuilds its description, compiles it with the saved configuration and
     * restores its weights, buffers, step and (when saved) optimizer state.
     *
     * @throws IOException one line naming the file: missing, unknown format version, or tensors whose names or
     *     shapes do not match the description
     */
    public static LoadedModel load(Path dir) throws IOException {
        SavedModelInfo info = readInfo(dir);
        CompiledModel compiled = ModelCompiler.compile(info.model(), info.config());
        try {
            restoreInto(dir, compiled, info.step(), info.hasOptimizerState());
            return new LoadedModel(info, compiled);
        } catch (IOException | RuntimeException e) {
            compiled.close();
            throw e;
        }
    }

    /** Restores weights, buffers, step and optionally optimizer state from the files in {@code dir}. */
    static void restoreInto(Path dir, CompiledModel compiled, long step, boolean optimizer) throws IOException {
        compiled.setWeights(checked(dir.resolve(WEIGHTS_FILE), compiled.tensorShapes()));
        if (optimizer) {
            compiled.setOptimizerState(checked(dir.resolve(OPTIMIZER_FILE), compiled.optimizerStateShapes()));
        }
        compiled.setStep(step);
    }

    /** The tensors of {@code file}, which must be exactly those of {@code expected}, with the same shapes. */
    private static Map<String, float[]> checked(Path file, Map<String, long[]> expected) throws IOException {
        Map<String, TensorFile.Tensor> stored = TensorFile.read(file);
        if (!stored.keySet().equals(expected.keySet())) {
            throw new IOException(file + " holds tensors " + stored.keySet() + " but the model has "
                    + expected.keySet() + "; the description and the tensors are from different models");
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            TensorFile.Tensor t = stored.get(e.getKey());
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new IOException(file + ": tensor " + e.getKey() + " has shape " + Arrays.toString(t.shape())
                        + " but the model needs " + Arrays.toString(e.getValue())
                        + "; the description and the tensors are from different models");
            }
            values.put(e.getKey(), t.values());
        }
        return values;
    }
}
