package org.activationlab.tf;

import java.util.Map;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import org.tensorflow.types.TInt32;

/**
 * A model compiled into one TensorFlow graph and session: a training step is one {@code Session.run} that gathers
 * a batch from the resident training set, runs the forward pass, the loss, the gradients and the optimizer
 * update, and accumulates loss and accuracy in the graph (fetched only when shown or at the end of an epoch).
 * Close it to free the native graph and session.
 */
public final class CompiledModel implements AutoCloseable {

    private final TrainingConfig config;
    private final Device device;
    private final TrainingGraph graph;
    private final Weights weights;
    private final Inference inference;
    private final TrainingLoop loop;

    CompiledModel(Sequential model, TrainingConfig config) {
        this.config = config;
        this.device = Devices.resolve(config.device());
        this.graph = new TrainingGraph(model, config, device);
        try {
            weights = new Weights(graph);
            inference = new Inference(graph);
            loop = new TrainingLoop(graph, inference);
            graph.initialise(weights);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The compiled description. */
    public Sequential model() {
        return graph.model();
    }

    /** The configuration it was compiled with. */
    public TrainingConfig config() {
        return config;
    }

    /** The device the graph was placed on after resolving the requested one. */
    public Device device() {
        return device;
    }

    /**
     * Trains the model. Stops early if a callback asks to, or when the training loss becomes NaN or infinite
     * (recorded in the history as a divergence, not thrown).
     */
    public History fit(Dataset train, FitOptions options) {
        checkDataset(train, "training set");
        if (options.validation() != null) {
            checkDataset(options.validation(), "validation set");
        }
        return loop.fit(this, train, options);
    }

    /**
     * The probes on {@code batch} now, in training mode without updating anything: the loss, the L2 norm of the
     * gradient of every trainable tensor (as {@link #gradients} computes it) and, for every hidden activation, the
     * fraction of units that were zero, or had non-positive input, on every example of the batch. Its epoch is
     * the number of epochs this model has trained.
     */
    public ProbeStats probe(Dataset batch) {
        checkDataset(batch, "probe batch");
        try (TInt32 indices = weights.residentTrainBatch(batch)) {
            return graph.probe(indices, loop.epochsTrained());
        }
    }

    /** Loss, accuracy, macro precision/recall/F1 and confusion matrix on {@code data}, in batches of 1,000. */
    public Evaluation evaluate(Dataset data) {
        return evaluate(data, 1000);
    }

    /** As {@link #evaluate(Dataset)} with the given batch size; the loss is the plain (unsmoothed) cross-entropy. */
    public Evaluation evaluate(Dataset data, int batchSize) {
        checkDataset(data, "evaluation set");
        return inference.evaluate(data, batchSize);
    }

    /**
     * Times inference on {@code data}: the whole set in batches of {@code batchSize} from graph-resident data, then
     * {@code repeats} single-sample predictions fed from Java (cycling through the set) after as many untimed ones.
     */
    public InferenceTiming timeInference(Dataset data, int batchSize, int repeats) {
        checkDataset(data, "inference set");
        return inference.time(data, batchSize, repeats);
    }

    /**
     * Class probabilities for {@code n} samples laid out row-major in {@code features}.
     *
     * @return {@code n * classes} probabilities, row-major
     */
    public float[] predictProbabilities(float[] features, int n) {
        return inference.probabilities(features, n);
    }

    /** The most probable class of each sample in {@code data}. */
    public int[] predictClasses(Dataset data) {
        checkDataset(data, "prediction set");
        return inference.classes(data);
    }

    /** A copy of every trainable tensor, by name (e.g. {@code dense_1/kernel}), row-major. */
    public Map<String, float[]> weights() {
        return weights.trainable();
    }

    /**
     * A copy of every non-trainable tensor (batch norm's {@code moving_mean} and {@code moving_variance}), by
     * name; empty for models without batch norm.
     */
    public Map<String, float[]> buffers() {
        return weights.buffers();
    }

    /**
     * Sets the named tensors; names must be among the keys of {@link #weights()} or {@link #buffers()}, sizes must
     * match.
     */
    public void setWeights(Map<String, float[]> values) {
        weights.set(values);
    }

    /** The shape of every trainable tensor and buffer, by name, in the order of {@link #weights()} then buffers. */
    public Map<String, long[]> tensorShapes() {
        return weights.shapes();
    }

    /**
     * A copy of the optimizer's state (momentum, Adam's moments and beta powers, RMSprop's averages and momentum),
     * by name such as {@code dense_1/kernel/adam_m}; empty for plain SGD. With {@link #step()} it is what a
     * checkpoint needs to continue training exactly.
     */
    public Map<String, float[]> optimizerState() {
        return weights.optimizerState();
    }

    /** The shape of every optimizer slot, by name, in the order of {@link #optimizerState()}. */
    public Map<String, long[]> optimizerStateShapes() {
        return weights.optimizerStateShapes();
    }

    /** Sets optimizer state saved by {@link #optimizerState()}; names and sizes must match. */
    public void setOptimizerState(Map<String, float[]> values) {
        weights.setOptimizerState(values);
    }

    /**
     * Training steps taken so far; with the seed it fixes the learning-rate schedule's position and the next
     * dropout masks and augmentations.
     */
    public long step() {
        return graph.stepCount();
    }

    /** Sets the step counter, e.g. to continue from a checkpoint. */
    public void setStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        graph.setStepCount(step);
    }

    /**
     * The gradient of the mean training loss over all of {@code batch} with respect to every trainable tensor,
     * from the same graph the training step uses (training mode: the current step's dropout masks, batch
     * statistics), before clipping, without updating anything.
     */
    public Map<String, float[]> gradients(Dataset batch) {
        checkDataset(batch, "gradient batch");
        return weights.gradients(batch);
    }

    /**
     * The mean loss over all of {@code batch} in training mode (the current step's dropout masks, batch
     * statistics, label smoothing), without updating anything: the function whose derivatives {@link #gradients}
     * returns.
     */
    public double trainingLoss(Dataset batch) {
        checkDataset(batch, "loss batch");
        return weights.trainingLoss(batch);
    }

    private void checkDataset(Dataset data, String role) {
        InputChecks.checkDataset(graph.model(), graph.numClasses(), data, role);
    }

    @Override
    public void close() {
        graph.close();
    }
}
