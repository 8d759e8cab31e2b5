package org.activationlab.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.Augmentation;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Builds a model's one TensorFlow graph and its session: the training step (gather a batch from the resident
 * training set, forward pass, loss, gated and optionally clipped gradients, the scheduled optimizer update, and
 * the in-graph loss and accuracy sums), the probes, and the evaluation and prediction subgraphs. It runs the
 * training step; the classes that train, evaluate and read weights use its ops through the accessors.
 */
final class TrainingGraph implements AutoCloseable {

    private final Sequential model;
    private final int numClasses;
    private final Graph graph;
    private final Session session;
    private final Network network;
    private final List<Parameter> params;
    private final List<Parameter> buffers;
    private final GraphState state;
    private final Variable<TInt64> stepCounter;
    private final Placeholder<TInt64> stepCounterIn;
    private final Op setStepCounter;
    private final DataSlot trainSlot;
    private final DataSlot evalSlot;
    private final Placeholder<TInt32> trainIndices;
    private final Placeholder<TInt32> evalIndices;
    private final Placeholder<TFloat32> predictInput;
    /** The gradients of {@link #trainLoss}, gated on all of them being computed, in the order of {@link #params}. */
    private final List<Operand<TFloat32>> gradients;
    private final Operand<TFloat32> trainLoss;
    private final Operand<TFloat32> learningRate;
    private final Variable<TFloat32> stepsPerEpoch;
    private final Placeholder<TFloat32> stepsPerEpochIn;
    private final Op setStepsPerEpoch;
    private final Op trainStep;
    private final Op resetAccumulators;
    private final Variable<TFloat32> lossSum;
    private final Variable<TFloat32> correctSum;
    private final Variable<TFloat32> exampleCount;
    private final Operand<TFloat32> evalLossSum;
    private final Operand<TInt32> evalPredictions;
    private final Operand<TFloat32> probabilities;
    private final ProbeOps probes;

    TrainingGraph(Sequential model, TrainingConfig config, Device device) {
        this.model = model;
        this.numClasses = model.outputShape().last();
        this.graph = new Graph();
        try {
            Ops base = Ops.create(graph);
            Ops tf = device == Device.GPU
                    ? base.withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build())
                    : base;
            network = new Network(tf, model, config.seed());
            network.checkClassifierOutput(model);
            params = network.parameters().stream().filter(Parameter::trainable).toList();
            buffers = network.parameters().stream().filter(p -> !p.trainable()).toList();
            state = new GraphState(tf);
            stepCounter = state.counter("train_step_counter");
            stepCounterIn = tf.withName("train_step_counter_in").placeholder(TInt64.class);
            setStepCounter = tf.assign(stepCounter, stepCounterIn);
            DataSlot.Residency residency = DataSlot.Residency.on(device);
            trainSlot = new DataSlot(tf, "train_data", residency);
            evalSlot = new DataSlot(tf, "eval_data", residency);

            trainIndices = tf.withName("train_indices").placeholder(TInt32.class);
            Operand<TInt32> trainLabels = tf.gather(trainSlot.labels(), trainIndices, tf.constant(0));
            Operand<TFloat32> trainBatch = tf.gather(trainSlot.features(), trainIndices, tf.constant(0));
            if (config.augmentation().active()) {
                trainBatch = augment(tf, trainBatch, config, stepCounter);
            }
            Network.Pass pass = network.forward(trainBatch, Network.Mode.TRAIN, stepCounter);
            Operand<TFloat32> logits = pass.logits();
            Operand<TFloat32> xent = crossEntropy(tf, logits, trainLabels, config.labelSmoothing());
            trainLoss = tf.withName("loss").math.mean(xent, tf.constant(0));
            gradients = gatedGradients(tf, trainLoss);
            probes = new ProbeOps(tf, params, gradients, pass.activations());

            stepsPerEpoch = state.scalar("schedule/steps_per_epoch", 1f);
            stepsPerEpochIn = tf.withName("steps_per_epoch_in").placeholder(TFloat32.class);
            setStepsPerEpoch = tf.assign(stepsPerEpoch, stepsPerEpochIn);
            learningRate = ScheduleOps.rate(tf, config.schedule(), config.optimizer().learningRate(), stepCounter,
                    stepsPerEpoch);
            List<Operand<TFloat32>> applied = config.clipNorm() > 0
                    ? clipByGlobalNorm(tf, gradients, config.clipNorm()) : gradients;
            List<Op> updates = new ArrayList<>(OptimizerUpdates.build(tf, state, config.optimizer(), params, applied,
                    learningRate));
            updates.addAll(pass.stateUpdates());

            lossSum = state.scalar("metrics/loss_sum", 0f);
            correctSum = state.scalar("metrics/correct_sum", 0f);
            exampleCount = state.scalar("metrics/example_count", 0f);
            List<Op> stepOps = new ArrayList<>(updates);
            stepOps.add(tf.assignAdd(lossSum, tf.sum(xent, tf.constant(0))));
            stepOps.add(tf.assignAdd(correctSum, correctCount(tf, logits, trainLabels)));
            stepOps.add(tf.assignAdd(exampleCount, tf.dtypes.cast(tf.size(trainLabels), TFloat32.class)));
            // the next step draws new dropout masks; advance the counter only after this step's ops have read it
            Op advance = tf.withControlDependencies(stepOps).assignAdd(stepCounter, tf.constant(1L));
            trainStep = tf.withControlDependencies(List.of(advance)).withName("train_step").noOp();
            resetAccumulators = tf.withControlDependencies(List.of(
                    tf.assign(lossSum, tf.constant(0f)), tf.assign(correctSum, tf.constant(0f)),
                    tf.assign(exampleCount, tf.constant(0f)))).withName("reset_metrics").noOp();

            evalIndices = tf.withName("eval_indices").placeholder(TInt32.class);
            Operand<TInt32> evalLabels = tf.gather(evalSlot.labels(), evalIndices, tf.constant(0));
            Operand<TFloat32> evalLogits = network.forward(tf.gather(evalSlot.features(), evalIndices,
                    tf.constant(0)), Network.Mode.INFER, stepCounter).logits();
            evalLossSum = tf.sum(crossEntropy(tf, evalLogits, evalLabels, 0), tf.constant(0));
            evalPredictions = tf.math.argMax(evalLogits, tf.constant(1), TInt32.class);

            predictInput = tf.withName("predict_input").placeholder(TFloat32.class);
            probabilities = tf.withName("probabilities").nn.softmax(
                    network.forward(predictInput, Network.Mode.INFER, stepCounter).logits());

            session = SessionConfigs.open(graph, config, device);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private Operand<TFloat32> augment(Ops tf, Operand<TFloat32> batch, TrainingConfig config,
            Operand<TInt64> stepCounter) {
        Augmentation augmentation = config.augmentation();
        Shape in = model.inputShape();
        if (in.rank() != 3) {
            throw new IllegalArgumentException("image augmentation (" + augmentation.describe() + ") needs an image"
                    + " input [height, width, channels], but the model's input is " + in.withBatch()
                    + "; drop the augmentation or declare the input as an image");
        }
        // a seed stream of its own, apart from the dropout layers' (seed * 1,000,003 + layer index)
        Operand<TInt64> seed = tf.stack(List.of(tf.constant(config.seed() * 1_000_003L + 500_000L), stepCounter));
        return AugmentationOps.apply(tf, batch, augmentation, in.dim(0), in.dim(1), seed);
    }

    /** Softmax cross-entropy per example against one-hot targets smoothed by {@code smoothing}. */
    private Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels,
            double smoothing) {
        float off = (float) (smoothing / numClasses);
        float on = (float) (1 - smoothing) + off;
        Operand<TFloat32> targets = tf.oneHot(labels, tf.constant(numClasses), tf.constant(on), tf.constant(off));
        return tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss();
    }

    private static Operand<TFloat32> correctCount(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
        Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
        return tf.sum(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
    }

    @SuppressWarnings("unchecked")
    private List<Operand<TFloat32>> gatedGradients(Ops tf, Operand<TFloat32> loss) {
        Output<?>[] vars = params.stream().map(p -> p.variable().asOutput()).toArray(Output[]::new);
        Output<?>[] raw;
        try {
            raw = graph.addGradients(loss.asOutput(), vars);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot train " + model + ": TensorFlow " + org.tensorflow.TensorFlow.version()
                    + " has no gradient for an op this model uses (" + e.getMessage() + "). Use another activation or "
                    + "register a gradient with TensorFlow.registerCustomGradient", e);
        }
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) {
                throw new IllegalStateException("parameter " + params.get(i).name() + " gets no gradient from the loss");
            }
        }
        // Backpropagation reads the weights while updates write them in place: an update that ran before every
        // gradient was computed would corrupt the remaining gradients nondeterministically. Gate the updates on
        // all gradients, as TensorFlow 1's GATE_GRAPH does.
        List<Op> computed = Arrays.stream(raw).map(g -> (Op) tf.identity((Operand<TFloat32>) g)).toList();
        Ops gate = tf.withControlDependencies(computed);
        return Arrays.stream(raw).map(g -> (Operand<TFloat32>) gate.identity((Operand<TFloat32>) g)).toList();
    }

    /**
     * PyTorch's {@code clip_grad_norm_}: every gradient times {@code min(1, maxNorm / (norm + 1e-6))}, where
     * {@code norm} is the L2 norm of all gradients together.
     */
    private static List<Operand<TFloat32>> clipByGlobalNorm(Ops tf, List<Operand<TFloat32>> grads, double maxNorm) {
        Operand<TFloat32> squares = tf.constant(0f);
        for (Operand<TFloat32> g : grads) {
            squares = tf.math.add(squares, tf.sum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g),
                    tf.constant(1))));
        }
        Operand<TFloat32> norm = tf.math.sqrt(squares);
        Operand<TFloat32> coefficient = tf.math.minimum(tf.constant(1f),
                tf.math.div(tf.constant((float) maxNorm), tf.math.add(norm, tf.constant(1e-6f))));
        return grads.stream().map(g -> (Operand<TFloat32>) tf.math.mul(g, coefficient)).toList();
    }

    /** Sets every weight to its initial value and every optimizer slot, counter and sum to its own. */
    void initialise(Weights weights) {
        Map<String, float[]> initial = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            initial.put(p.name(), p.initial());
        }
        weights.set(initial);
        Session.Runner runner = session.runner();
        state.initializers().forEach(runner::addTarget);
        try (Result r = runner.run()) {
            // state variables now hold their initial values
        }
    }

    /** One training step on the resident training examples at {@code indices}: the hot path, one graph run. */
    void step(TInt32 indices) {
        try (Result r = trainSlot.feed(session.runner()).feed(trainIndices, indices).addTarget(trainStep).run()) {
            // the step's effects live in the graph's variables
        }
    }

    /** Starts an epoch's loss and accuracy sums at zero. */
    void resetMetrics() {
        try (Result r = session.runner().addTarget(resetAccumulators).run()) {
            // sums are zero
        }
    }

    /** Mean loss and accuracy accumulated in the graph since {@link #resetMetrics()}. */
    double[] metrics() {
        try (Result r = session.runner().fetch(lossSum).fetch(correctSum).fetch(exampleCount).run()) {
            double loss = ((TFloat32) r.get(0)).getFloat();
            double correct = ((TFloat32) r.get(1)).getFloat();
            double count = ((TFloat32) r.get(2)).getFloat();
            return new double[] {loss / count, correct / count};
        }
    }

    /** Tells the schedule how many steps an epoch has. */
    void setStepsPerEpoch(int steps) {
        try (TFloat32 t = TFloat32.scalarOf(steps);
                Result r = session.runner().feed(stepsPerEpochIn, t).addTarget(setStepsPerEpoch).run()) {
            // the schedule reads it from now on
        }
    }

    /** Training steps taken so far: with the seed it fixes the schedule's rate, dropout masks and augmentations. */
    long stepCount() {
        try (Result r = session.runner().fetch(stepCounter).run()) {
            return ((TInt64) r.get(0)).getLong();
        }
    }

    /** Sets the step counter, e.g. to continue from a checkpoint. */
    void setStepCount(long step) {
        try (TInt64 t = TInt64.scalarOf(step);
                Result r = session.runner().feed(stepCounterIn, t).addTarget(setStepCounter).run()) {
            // the next step reads the restored count
        }
    }

    /** The optimizer's slots (momentum, Adam's moments and beta powers, RMSprop's averages). */
    List<Parameter> optimizerSlots() {
        return state.optimizerSlots();
    }

    /** The learning rate the next training step will use. */
    double learningRate() {
        try (Result r = session.runner().fetch(learningRate).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** The probes on the resident training examples at {@code indices}. */
    ProbeStats probe(TInt32 indices, int epoch) {
        return probes.run(trainSlot.feed(session.runner()), trainIndices, indices, trainLoss, epoch);
    }

    Sequential model() {
        return model;
    }

    int numClasses() {
        return numClasses;
    }

    Session session() {
        return session;
    }

    /** Every parameter and buffer in layer order. */
    List<Parameter> parameters() {
        return network.parameters();
    }

    /** The trainable parameters, in the order of {@link #gradients()}. */
    List<Parameter> trainable() {
        return params;
    }

    /** The non-trainable state (batch-norm moving statistics). */
    List<Parameter> buffers() {
        return buffers;
    }

    List<Operand<TFloat32>> gradients() {
        return gradients;
    }

    Operand<TFloat32> trainLoss() {
        return trainLoss;
    }

    DataSlot trainSlot() {
        return trainSlot;
    }

    DataSlot evalSlot() {
        return evalSlot;
    }

    Placeholder<TInt32> trainIndices() {
        return trainIndices;
    }

    Placeholder<TInt32> evalIndices() {
        return evalIndices;
    }

    Placeholder<TFloat32> predictInput() {
        return predictInput;
    }

    Operand<TFloat32> evalLossSum() {
        return evalLossSum;
    }

    Operand<TInt32> evalPredictions() {
        return evalPredictions;
    }

    Operand<TFloat32> probabilities() {
        return probabilities;
    }

    @Override
    public void close() {
        trainSlot.close();
        evalSlot.close();
        session.close();
        graph.close();
    }
}
