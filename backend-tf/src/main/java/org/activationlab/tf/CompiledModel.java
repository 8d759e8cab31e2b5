package org.activationlab.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationlab.data.Dataset;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Linear;
import org.activationlab.dsl.activations.Softmax;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.ConfusionMatrix;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.probes.UnitActivity;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.Augmentation;
import org.activationlab.tf.training.EpochStats;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A model compiled into one TensorFlow graph and session: a training step is one {@code Session.run} that gathers
 * a batch from the resident training set, runs the forward pass, the loss, the gradients and the optimizer
 * update, and accumulates loss and accuracy in the graph (fetched only when shown or at the end of an epoch).
 * Close it to free the native graph and session.
 */
public final class CompiledModel implements AutoCloseable {

    private final Sequential model;
    private final TrainingConfig config;
    private final Device device;
    private final int numClasses;
    private final Graph graph;
    private final Session session;
    private final Ops tf;
    private final Network network;
    /** The trainable parameters, in the order of {@link #gradients}. */
    private final List<Parameter> params;
    /** Non-trainable state (batch-norm moving statistics), saved and restored with the weights. */
    private final List<Parameter> buffers;
    private final List<Op> stateInit = new ArrayList<>();
    private final Variable<TInt64> stepCounter;

    private final DataSlot trainSlot;
    private final DataSlot evalSlot;
    private final Placeholder<TInt32> trainIndices;
    private final Placeholder<TInt32> evalIndices;
    private final Placeholder<TFloat32> predictInput;
    private final List<Output<?>> gradients = new ArrayList<>();
    private final Op trainStep;
    private final Op resetAccumulators;
    private final Variable<TFloat32> lossSum;
    private final Variable<TFloat32> correctSum;
    private final Variable<TFloat32> exampleCount;
    private final Operand<TFloat32> evalLossSum;
    private final Operand<TInt32> evalPredictions;
    private final Operand<TFloat32> probabilities;
    private final Operand<TFloat32> trainLoss;
    /** The L2 norm of each gradient, in the order of {@link #params}. */
    private final List<Operand<TFloat32>> gradientNorms = new ArrayList<>();
    private final List<UnitProbe> unitProbes = new ArrayList<>();
    private int epochsTrained;

    /** The fractions of one activation's units that were zero (dead) or had non-positive input on a whole batch. */
    private record UnitProbe(String layer, String activation, int units, Operand<TFloat32> dead,
            Operand<TFloat32> negative) {
    }

    CompiledModel(Sequential model, TrainingConfig config) {
        this.model = model;
        this.config = config;
        this.device = Devices.resolve(config.device());
        checkClassifierOutput(model);
        this.numClasses = model.outputShape().last();
        this.graph = new Graph();
        try {
            Ops base = Ops.create(graph);
            this.tf = device == Device.GPU
                    ? base.withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build())
                    : base;
            network = new Network(tf, model, config.seed());
            params = network.parameters().stream().filter(Parameter::trainable).toList();
            buffers = network.parameters().stream().filter(p -> !p.trainable()).toList();
            stepCounter = network.named("train_step_counter").variable(org.tensorflow.ndarray.Shape.scalar(),
                    TInt64.class);
            stateInit.add(tf.assign(stepCounter, tf.constant(0L)));
            trainSlot = new DataSlot(tf, "train_data");
            evalSlot = new DataSlot(tf, "eval_data");

            trainIndices = tf.withName("train_indices").placeholder(TInt32.class);
            Operand<TInt32> trainLabels = tf.gather(trainSlot.labels(), trainIndices, tf.constant(0));
            Operand<TFloat32> trainBatch = tf.gather(trainSlot.features(), trainIndices, tf.constant(0));
            if (config.augmentation().active()) {
                trainBatch = augment(trainBatch, config.augmentation());
            }
            Network.Pass pass = network.forward(trainBatch, Network.Mode.TRAIN, stepCounter);
            Operand<TFloat32> logits = pass.logits();
            Operand<TFloat32> xent = crossEntropy(logits, trainLabels);
            trainLoss = tf.withName("loss").math.mean(xent, tf.constant(0));
            computeGradients(trainLoss);
            buildProbes(pass.activations());
            List<Op> updates = optimizerUpdates();
            updates.addAll(pass.stateUpdates());

            lossSum = scalarState("metrics/loss_sum", 0f);
            correctSum = scalarState("metrics/correct_sum", 0f);
            exampleCount = scalarState("metrics/example_count", 0f);
            List<Op> stepOps = new ArrayList<>(updates);
            stepOps.add(tf.assignAdd(lossSum, tf.sum(xent, tf.constant(0))));
            stepOps.add(tf.assignAdd(correctSum, correctCount(logits, trainLabels)));
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
            evalLossSum = tf.sum(crossEntropy(evalLogits, evalLabels), tf.constant(0));
            evalPredictions = tf.math.argMax(evalLogits, tf.constant(1), TInt32.class);

            predictInput = tf.withName("predict_input").placeholder(TFloat32.class);
            probabilities = tf.withName("probabilities").nn.softmax(
                    network.forward(predictInput, Network.Mode.INFER, stepCounter).logits());

            session = new Session(graph, SessionConfigs.of(config, device));
            initialise();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private Operand<TFloat32> augment(Operand<TFloat32> batch, Augmentation augmentation) {
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

    private static void checkClassifierOutput(Sequential model) {
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size() - 1; i++) {
            Layer layer = layers.get(i);
            Activation a = layer instanceof ActivationLayer al ? al.function() : layer.activation().orElse(null);
            if (a instanceof Softmax) {
                throw new IllegalArgumentException("softmax must be the model's last layer (the loss applies it to"
                        + " the logits), but layer " + (i + 1) + " (" + layer.describe() + ") has it and "
                        + (layers.size() - 1 - i) + " layer(s) follow; move it to the end");
            }
        }
        Layer last = layers.get(layers.size() - 1);
        Activation finalActivation = last instanceof ActivationLayer a ? a.function() : last.activation().orElse(null);
        if (finalActivation != null && !(finalActivation instanceof Softmax) && !(finalActivation instanceof Linear)) {
            throw new IllegalArgumentException("the cross-entropy loss needs the model to end in softmax (or in linear "
                    + "logits), but it ends in " + finalActivation.displayName() + "; use dense(classes).softmax()");
        }
        if (model.outputShape().rank() != 1) {
            throw new IllegalArgumentException("a classifier's output must be flat [-1, classes], got "
                    + model.outputShape().withBatch() + "; add flatten() and a dense layer");
        }
    }

    private Variable<TFloat32> scalarState(String name, float initial) {
        Variable<TFloat32> v = network.named(name).variable(org.tensorflow.ndarray.Shape.scalar(), TFloat32.class);
        stateInit.add(tf.assign(v, tf.constant(initial)));
        return v;
    }

    private Variable<TFloat32> zerosLike(Parameter p, String slot) {
        Variable<TFloat32> v = network.named(p.name() + "/" + slot).variable(org.tensorflow.ndarray.Shape.of(p.shape()),
                TFloat32.class);
        stateInit.add(tf.assign(v, tf.zeros(tf.constant(p.shape()), TFloat32.class)));
        return v;
    }

    private Operand<TFloat32> crossEntropy(Operand<TFloat32> logits, Operand<TInt32> labels) {
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
        return tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
    }

    private Operand<TFloat32> correctCount(Operand<TFloat32> logits, Operand<TInt32> labels) {
        Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
        return tf.sum(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
    }

    private void computeGradients(Operand<TFloat32> loss) {
        Output<?>[] vars = params.stream().map(p -> p.variable().asOutput()).toArray(Output[]::new);
        try {
            gradients.addAll(Arrays.asList(graph.addGradients(loss.asOutput(), vars)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot train " + model + ": TensorFlow " + org.tensorflow.TensorFlow.version()
                    + " has no gradient for an op this model uses (" + e.getMessage() + "). Use another activation or "
                    + "register a gradient with TensorFlow.registerCustomGradient", e);
        }
        for (int i = 0; i < gradients.size(); i++) {
            if (gradients.get(i) == null) {
                throw new IllegalStateException("parameter " + params.get(i).name() + " gets no gradient from the loss");
            }
        }
        // Backpropagation reads the weights while updates write them in place: an update that ran before every
        // gradient was computed would corrupt the remaining gradients nondeterministically. Gate the updates on
        // all gradients, as TensorFlow 1's GATE_GRAPH does.
        List<Op> computed = new ArrayList<>();
        for (int i = 0; i < gradients.size(); i++) {
            computed.add(tf.identity(gradient(i)));
        }
        Ops gate = tf.withControlDependencies(computed);
        for (int i = 0; i < gradients.size(); i++) {
            gradients.set(i, gate.identity(gradient(i)).asOutput());
        }
    }

    /**
     * Gradient norms and unit activity as reductions in the graph, so that a probe fetches a few scalars, not the
     * gradients and activations themselves.
     */
    private void buildProbes(List<Network.ActivationSite> sites) {
        for (int i = 0; i < params.size(); i++) {
            Operand<TInt32> allAxes = tf.constant(range(0, params.get(i).shape().length));
            gradientNorms.add(tf.math.sqrt(tf.sum(tf.math.square(gradient(i)), allAxes)));
        }
        for (Network.ActivationSite site : sites) {
            // every axis but the last: a unit is dead only if it is zero for every example and every position
            Operand<TInt32> batchAxes = tf.range(tf.constant(0), tf.math.sub(tf.rank(site.output()), tf.constant(1)),
                    tf.constant(1));
            Operand<TBool> dead = tf.reduceAll(tf.math.equal(site.output(), tf.constant(0f)), batchAxes);
            Operand<TBool> negative = tf.reduceAll(tf.math.lessEqual(site.preActivation(), tf.constant(0f)),
                    batchAxes);
            unitProbes.add(new UnitProbe(site.layer(), site.function().displayName(), site.units(), fraction(dead),
                    fraction(negative)));
        }
    }

    private Operand<TFloat32> fraction(Operand<TBool> flags) {
        return tf.math.mean(tf.dtypes.cast(flags, TFloat32.class), tf.constant(0));
    }

    @SuppressWarnings("unchecked")
    private Operand<TFloat32> gradient(int i) {
        return (Operand<TFloat32>) gradients.get(i);
    }

    private List<Op> optimizerUpdates() {
        List<Op> updates = new ArrayList<>();
        if (config.optimizer() instanceof Sgd sgd) {
            Operand<TFloat32> lr = tf.constant((float) sgd.learningRate());
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                if (sgd.momentum() == 0) {
                    updates.add(tf.train.applyGradientDescent(p.variable(), lr, gradient(i)));
                } else {
                    updates.add(tf.train.applyMomentum(p.variable(), zerosLike(p, "momentum"), lr, gradient(i),
                            tf.constant((float) sgd.momentum()), ApplyMomentum.useNesterov(sgd.nesterov())));
                }
            }
        } else if (config.optimizer() instanceof Adam adam) {
            Variable<TFloat32> beta1Power = scalarState("adam/beta1_power", (float) adam.beta1());
            Variable<TFloat32> beta2Power = scalarState("adam/beta2_power", (float) adam.beta2());
            Operand<TFloat32> lr = tf.constant((float) adam.learningRate());
            Operand<TFloat32> beta1 = tf.constant((float) adam.beta1());
            Operand<TFloat32> beta2 = tf.constant((float) adam.beta2());
            Operand<TFloat32> epsilon = tf.constant((float) adam.epsilon());
            List<Op> applies = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                applies.add(tf.train.applyAdam(p.variable(), zerosLike(p, "adam_m"), zerosLike(p, "adam_v"),
                        beta1Power, beta2Power, lr, beta1, beta2, epsilon, gradient(i)));
            }
            // ApplyAdam reads but does not advance the beta powers; advance them once every apply has read them
            Ops after = tf.withControlDependencies(applies);
            updates.addAll(applies);
            updates.add(after.assign(beta1Power, after.math.mul(beta1Power, beta1)));
            updates.add(after.assign(beta2Power, after.math.mul(beta2Power, beta2)));
        }
        return updates;
    }

    private void initialise() {
        Map<String, float[]> initial = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            initial.put(p.name(), p.initial());
        }
        setWeights(initial);
        Session.Runner runner = session.runner();
        stateInit.forEach(runner::addTarget);
        try (Result r = runner.run()) {
            // state variables now hold their initial values
        }
    }

    /** The compiled description. */
    public Sequential model() {
        return model;
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
        trainSlot.upload(session, train);
        SplittableRandom shuffle = new SplittableRandom(options.shuffleSeed());
        int[] order = range(0, train.size());
        int steps = (train.size() + options.batchSize() - 1) / options.batchSize();
        if (options.probeSize() > train.size()) {
            throw new IllegalArgumentException("the probe batch (" + options.probeSize() + " examples) must not be "
                    + "larger than the training set '" + train.name() + "' (" + train.size() + ")");
        }
        int[] probeBatch = options.probeSize() > 0 ? probeIndices(train.size(), options) : null;
        List<ProbeStats> probes = new ArrayList<>();
        if (probeBatch != null) {
            probes.add(probe(probeBatch));
        }
        List<EpochStats> epochs = new ArrayList<>();
        String[] stopReason = {null};
        int divergedEpoch = 0;
        for (int epoch = 1; epoch <= options.epochs() && stopReason[0] == null; epoch++) {
            shuffle(order, shuffle);
            run(resetAccumulators);
            long start = System.nanoTime();
            double[] metrics;
            try (ProgressBar bar = options.progress() ? progressBar(epoch, options.epochs(), steps) : null) {
                long lastShown = start;
                for (int s = 0; s < steps; s++) {
                    int from = s * options.batchSize();
                    int to = Math.min(from + options.batchSize(), order.length);
                    try (TInt32 idx = TInt32.tensorOf(org.tensorflow.ndarray.Shape.of(to - from),
                            DataBuffers.of(Arrays.copyOfRange(order, from, to), true, false));
                            Result r = session.runner().feed(trainIndices, idx).addTarget(trainStep).run()) {
                        // the step's effects live in the graph's variables
                    }
                    if (bar != null && (System.nanoTime() - lastShown > 250_000_000L || s == steps - 1)) {
                        lastShown = System.nanoTime();
                        double[] m = readAccumulators();
                        bar.stepTo(s + 1);
                        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.4f", m[0], m[1]));
                    }
                }
                metrics = readAccumulators();
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double valLoss = Double.NaN;
            double valAccuracy = Double.NaN;
            double evalSeconds = 0;
            boolean diverged = !Double.isFinite(metrics[0]);
            if (options.validation() != null && !diverged) {
                Evaluation val = evaluate(options.validation(), options.evalBatchSize());
                valLoss = val.loss();
                valAccuracy = val.accuracy();
                evalSeconds = val.seconds();
            }
            EpochStats stats = new EpochStats(epoch, metrics[0], metrics[1], valLoss, valAccuracy, trainSeconds,
                    evalSeconds);
            epochs.add(stats);
            epochsTrained++;
            if (probeBatch != null && !diverged) {
                probes.add(probe(probeBatch));
            }
            if (diverged) {
                divergedEpoch = epoch;
                stopReason[0] = "training loss became " + metrics[0] + " in epoch " + epoch;
                break;
            }
            for (Callback c : options.callbacks()) {
                c.onEpochEnd(stats, reason -> stopReason[0] = reason);
            }
        }
        options.callbacks().forEach(Callback::onTrainEnd);
        return new History(epochs, stopReason[0], divergedEpoch, probes);
    }

    /** A fixed sample of the training set, the same for every epoch: a seeded draw without replacement. */
    private static int[] probeIndices(int trainSize, FitOptions options) {
        int[] all = range(0, trainSize);
        // a stream apart from the epoch shuffles', so probing does not change the training order
        shuffle(all, new SplittableRandom(options.shuffleSeed() * 31 + 17));
        int[] chosen = Arrays.copyOf(all, options.probeSize());
        Arrays.sort(chosen);
        return chosen;
    }

    private ProbeStats probe(int[] indices) {
        try (TInt32 idx = TInt32.vectorOf(indices)) {
            return probe(idx);
        }
    }

    private ProbeStats probe(TInt32 indices) {
        long start = System.nanoTime();
        Session.Runner runner = session.runner().feed(trainIndices, indices).fetch(trainLoss);
        gradientNorms.forEach(runner::fetch);
        unitProbes.forEach(u -> runner.fetch(u.dead()).fetch(u.negative()));
        try (Result r = runner.run()) {
            int k = 0;
            double loss = ((TFloat32) r.get(k++)).getFloat();
            Map<String, Double> norms = new LinkedHashMap<>();
            for (Parameter p : params) {
                norms.put(p.name(), (double) ((TFloat32) r.get(k++)).getFloat());
            }
            List<UnitActivity> units = new ArrayList<>();
            for (UnitProbe u : unitProbes) {
                double dead = ((TFloat32) r.get(k++)).getFloat();
                double negative = ((TFloat32) r.get(k++)).getFloat();
                units.add(new UnitActivity(u.layer(), u.activation(), u.units(), dead, negative));
            }
            return new ProbeStats(epochsTrained, loss, norms, units, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The probes on {@code batch} now, in training mode without updating anything: the loss, the L2 norm of the
     * gradient of every trainable tensor (as {@link #gradients} computes it) and, for every hidden activation, the
     * fraction of units that were zero, or had non-positive input, on every example of the batch. Its epoch is
     * the number of epochs this model has trained.
     */
    public ProbeStats probe(Dataset batch) {
        checkDataset(batch, "probe batch");
        try (TInt32 indices = residentTrainBatch(batch)) {
            return probe(indices);
        }
    }

    private ProgressBar progressBar(int epoch, int epochs, int steps) {
        return new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setUnit(" steps", 1).build();
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Mean loss and accuracy accumulated in the graph since the epoch began. */
    private double[] readAccumulators() {
        try (Result r = session.runner().fetch(lossSum).fetch(correctSum).fetch(exampleCount).run()) {
            double loss = ((TFloat32) r.get(0)).getFloat();
            double correct = ((TFloat32) r.get(1)).getFloat();
            double count = ((TFloat32) r.get(2)).getFloat();
            return new double[] {loss / count, correct / count};
        }
    }

    private void run(Op target) {
        try (Result r = session.runner().addTarget(target).run()) {
            // nothing to fetch
        }
    }

    /** Loss, accuracy, macro precision/recall/F1 and confusion matrix on {@code data}, in batches of 1,000. */
    public Evaluation evaluate(Dataset data) {
        return evaluate(data, 1000);
    }

    /** As {@link #evaluate(Dataset)} with the given batch size. */
    public Evaluation evaluate(Dataset data, int batchSize) {
        checkDataset(data, "evaluation set");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("evaluation batch size must be > 0, got " + batchSize);
        }
        long start = System.nanoTime();
        evalSlot.upload(session, data);
        int[] predicted = new int[data.size()];
        double lossTotal = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(from + batchSize, data.size());
            try (TInt32 indices = TInt32.vectorOf(range(from, to));
                    Result r = session.runner().feed(evalIndices, indices).fetch(evalLossSum).fetch(evalPredictions)
                            .run()) {
                lossTotal += ((TFloat32) r.get(0)).getFloat();
                ((TInt32) r.get(1)).copyTo(DataBuffers.of(predicted, false, false).slice(from, to - from));
            }
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(numClasses, data.labels(), predicted);
        return new Evaluation(data.size(), lossTotal / data.size(), confusion, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Times inference on {@code data}: the whole set in batches of {@code batchSize} from graph-resident data, then
     * {@code repeats} single-sample predictions fed from Java (cycling through the set) after as many untimed ones.
     */
    public InferenceTiming timeInference(Dataset data, int batchSize, int repeats) {
        checkDataset(data, "inference set");
        if (batchSize <= 0 || repeats <= 0) {
            throw new IllegalArgumentException("inference batch size and repeats must be > 0, got " + batchSize
                    + " and " + repeats);
        }
        evalSlot.upload(session, data);
        int n = data.size();
        predictBatch(0, Math.min(batchSize, n));
        long start = System.nanoTime();
        for (int from = 0; from < n; from += batchSize) {
            predictBatch(from, Math.min(from + batchSize, n));
        }
        double batchedMillis = (System.nanoTime() - start) / 1e6 / n;
        int sampleSize = (int) model.inputShape().elements();
        float[] features = data.features();
        double[] latencies = new double[repeats];
        for (int r = -repeats; r < repeats; r++) {
            int i = Math.floorMod(r, n);
            float[] one = Arrays.copyOfRange(features, i * sampleSize, (i + 1) * sampleSize);
            long t = System.nanoTime();
            predictProbabilities(one, 1);
            if (r >= 0) {
                latencies[r] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(latencies);
        return new InferenceTiming(n, batchSize, batchedMillis, repeats, percentile(latencies, 0.5),
                percentile(latencies, 0.9));
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void predictBatch(int from, int to) {
        try (TInt32 indices = TInt32.vectorOf(range(from, to));
                Result r = session.runner().feed(evalIndices, indices).fetch(evalPredictions).run()) {
            // the predictions are computed; timing needs nothing from them
        }
    }

    /**
     * Class probabilities for {@code n} samples laid out row-major in {@code features}.
     *
     * @return {@code n * classes} probabilities, row-major
     */
    public float[] predictProbabilities(float[] features, int n) {
        long sample = model.inputShape().elements();
        if (n <= 0 || features.length != n * sample) {
            throw new IllegalArgumentException("expected " + n + " samples of " + sample + " features ("
                    + n * sample + " floats), got " + features.length + " floats");
        }
        float[] out = new float[n * numClasses];
        try (TFloat32 x = TFloat32.tensorOf(DataSlot.batchShape(n, model.inputShape().dims()),
                DataBuffers.of(features, true, false));
                Result r = session.runner().feed(predictInput, x).fetch(probabilities).run()) {
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
        }
        return out;
    }

    /** The most probable class of each sample in {@code data}. */
    public int[] predictClasses(Dataset data) {
        checkDataset(data, "prediction set");
        float[] p = predictProbabilities(data.features(), data.size());
        int[] classes = new int[data.size()];
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int c = 1; c < numClasses; c++) {
                if (p[i * numClasses + c] > p[i * numClasses + best]) {
                    best = c;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    /** A copy of every trainable tensor, by name (e.g. {@code dense_1/kernel}), row-major. */
    public Map<String, float[]> weights() {
        return fetch(params);
    }

    /**
     * A copy of every non-trainable tensor (batch norm's {@code moving_mean} and {@code moving_variance}), by
     * name; empty for models without batch norm.
     */
    public Map<String, float[]> buffers() {
        return buffers.isEmpty() ? Map.of() : fetch(buffers);
    }

    private Map<String, float[]> fetch(List<Parameter> tensors) {
        Session.Runner runner = session.runner();
        tensors.forEach(p -> runner.fetch(p.variable()));
        try (Result r = runner.run()) {
            return copyOut(r, tensors);
        }
    }

    /**
     * Sets the named tensors; names must be among the keys of {@link #weights()} or {@link #buffers()}, sizes must
     * match.
     */
    public void setWeights(Map<String, float[]> values) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                Parameter p = network.parameters().stream().filter(q -> q.name().equals(e.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no parameter or buffer named '" + e.getKey()
                                + "'; the model has " + network.parameters().stream().map(Parameter::name).toList()));
                if (e.getValue().length != p.size()) {
                    throw new IllegalArgumentException("parameter " + p.name() + " has " + p.size() + " values, got "
                            + e.getValue().length);
                }
                TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(p.shape()),
                        DataBuffers.of(e.getValue(), true, false));
                tensors.add(t);
                runner.feed(p.input(), t).addTarget(p.assign());
            }
            try (Result r = runner.run()) {
                // assignments done
            }
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /**
     * The gradient of the mean training loss over all of {@code batch} with respect to every trainable tensor,
     * from the same graph the training step uses (training mode: the current step's dropout masks, batch
     * statistics), without updating anything.
     */
    public Map<String, float[]> gradients(Dataset batch) {
        checkDataset(batch, "gradient batch");
        Session.Runner runner = session.runner();
        gradients.forEach(runner::fetch);
        try (TInt32 indices = residentTrainBatch(batch); Result r = runner.feed(trainIndices, indices).run()) {
            return copyOut(r, params);
        }
    }

    /**
     * The mean loss over all of {@code batch} in training mode (the current step's dropout masks, batch
     * statistics), without updating anything: the function whose derivatives {@link #gradients} returns.
     */
    public double trainingLoss(Dataset batch) {
        checkDataset(batch, "loss batch");
        try (TInt32 indices = residentTrainBatch(batch);
                Result r = session.runner().feed(trainIndices, indices).fetch(trainLoss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    private TInt32 residentTrainBatch(Dataset batch) {
        trainSlot.upload(session, batch);
        return TInt32.vectorOf(range(0, batch.size()));
    }

    private static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = from + k;
        }
        return idx;
    }

    /** The result's outputs, one per tensor in order, copied out by name. */
    private static Map<String, float[]> copyOut(Result r, List<Parameter> tensors) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            Parameter p = tensors.get(i);
            float[] values = new float[p.size()];
            ((TFloat32) r.get(i)).copyTo(DataBuffers.of(values, false, false));
            out.put(p.name(), values);
        }
        return out;
    }

    private void checkDataset(Dataset data, String role) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the " + role + " '" + data.name() + "' is empty");
        }
        if (!Arrays.equals(data.sampleShape(), model.inputShape().dims())) {
            throw new IllegalArgumentException("the " + role + " '" + data.name() + "' has samples of shape "
                    + Arrays.toString(data.sampleShape()) + " but the model's input is " + model.inputShape()
                    + "; change input(...) or reshape the data");
        }
        if (data.numClasses() > numClasses) {
            throw new IllegalArgumentException("the " + role + " '" + data.name() + "' has " + data.numClasses()
                    + " classes but the model outputs " + numClasses);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
