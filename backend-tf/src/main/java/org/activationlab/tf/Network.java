package org.activationlab.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Linear;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.activations.Softmax;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.AvgPool2d;
import org.activationlab.dsl.layers.BatchNorm;
import org.activationlab.dsl.layers.Conv2d;
import org.activationlab.dsl.layers.Dense;
import org.activationlab.dsl.layers.Dropout;
import org.activationlab.dsl.layers.Flatten;
import org.activationlab.dsl.layers.GlobalAvgPool2d;
import org.activationlab.dsl.layers.Initializer;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.dsl.layers.Padding;
import org.activationlab.dsl.layers.SpatialDropout;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The layers of a {@link Sequential} as TensorFlow variables and ops: creates every parameter and buffer once,
 * then builds any number of forward passes over them, each in training or inference mode. Images are NHWC and
 * convolution kernels HWIO, the layouts TensorFlow's CPU kernels (oneDNN) are fastest with.
 */
final class Network {

    /** How a forward pass treats dropout and batch normalisation. */
    enum Mode {
        /** Dropout active, batch statistics, moving statistics updated by the returned ops. */
        TRAIN,
        /** Dropout off, moving statistics. */
        INFER
    }

    /**
     * A forward pass's logits, in training mode the ops that update the batch-norm moving statistics, and the
     * input and output of every hidden activation (for the probes).
     */
    record Pass(Operand<TFloat32> logits, List<Op> stateUpdates, List<ActivationSite> activations) {
    }

    /**
     * One hidden activation of a forward pass: its layer's name, the function, its number of units (features or
     * channels, the last axis), and its input and output.
     */
    record ActivationSite(String layer, Activation function, int units, Operand<TFloat32> preActivation,
            Operand<TFloat32> output) {
    }

    private final Ops tf;
    private final Sequential model;
    private final long seed;
    private final SplittableRandom initRandom;
    private final List<Parameter> parameters = new ArrayList<>();
    /** The parameters and buffers of each layer, in creation order, by layer index. */
    private final Map<Integer, List<Parameter>> byLayer = new HashMap<>();
    /** Each layer's name, e.g. {@code dense_1}: the prefix of its parameters' names. */
    private final List<String> layerNames = new ArrayList<>();

    Network(Ops tf, Sequential model, long seed) {
        this.tf = tf;
        this.model = model;
        this.seed = seed;
        this.initRandom = new SplittableRandom(seed);
        createParameters();
    }

    /** Every parameter and buffer, trainable ones and buffers interleaved in layer order. */
    List<Parameter> parameters() {
        return parameters;
    }

    private void createParameters() {
        Map<String, Integer> counters = new LinkedHashMap<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Shape in = model.inputShapeOf(i);
            Shape out = model.outputShapeOf(i);
            String prefix = layer.typeName().toLowerCase(Locale.ROOT) + "_"
                    + counters.merge(layer.typeName(), 1, Integer::sum);
            layerNames.add(prefix);
            if (layer instanceof Dense d) {
                long fanIn = in.last();
                add(i, prefix + "/kernel", new long[] {fanIn, d.units()},
                        uniform(fanIn * d.units(), initializerAfter(i).limit(fanIn, d.units())), true);
                if (d.bias()) {
                    add(i, prefix + "/bias", new long[] {d.units()}, new float[d.units()], true);
                }
            } else if (layer instanceof Conv2d c) {
                long window = (long) c.kernelHeight() * c.kernelWidth();
                long fanIn = window * in.last();
                long fanOut = window * c.filters();
                add(i, prefix + "/kernel", new long[] {c.kernelHeight(), c.kernelWidth(), in.last(), c.filters()},
                        uniform(fanIn * c.filters(), initializerAfter(i).limit(fanIn, fanOut)), true);
                if (c.bias()) {
                    add(i, prefix + "/bias", new long[] {c.filters()}, new float[c.filters()], true);
                }
            } else if (layer instanceof BatchNorm b) {
                int channels = in.last();
                if (b.scale()) {
                    add(i, prefix + "/gamma", new long[] {channels}, filled(channels, 1f), true);
                }
                if (b.center()) {
                    add(i, prefix + "/beta", new long[] {channels}, new float[channels], true);
                }
                add(i, prefix + "/moving_mean", new long[] {channels}, new float[channels], false);
                add(i, prefix + "/moving_variance", new long[] {channels}, filled(channels, 1f), false);
            }
            if (activationOf(layer) instanceof PRelu p) {
                int n = (int) p.paramCount(out);
                add(i, prefix + "/prelu_slope", new long[] {n}, filled(n, (float) p.init()), true);
            }
        }
    }

    private static Activation activationOf(Layer layer) {
        return layer instanceof ActivationLayer a ? a.function() : layer.activation().orElse(null);
    }

    /**
     * The initializer suited to the activation that the output of layer {@code i} meets next, looking past layers
     * that do not transform it with weights (pooling, dropout, flatten, batch norm): the CNN paper's
     * {@code conv, maxPool, act} initialises the convolution for {@code act}.
     */
    private Initializer initializerAfter(int i) {
        List<Layer> layers = model.layers();
        for (int j = i; j < layers.size(); j++) {
            Layer layer = layers.get(j);
            if (j > i && (layer instanceof Dense || layer instanceof Conv2d)) {
                break;
            }
            Activation activation = activationOf(layer);
            if (activation != null) {
                return activation.preferredInitializer();
            }
        }
        return Initializer.GLOROT_UNIFORM;
    }

    private float[] uniform(long n, double limit) {
        float[] values = new float[Math.toIntExact(n)];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) ((initRandom.nextDouble() * 2 - 1) * limit);
        }
        return values;
    }

    private static float[] filled(int n, float value) {
        float[] values = new float[n];
        Arrays.fill(values, value);
        return values;
    }

    private void add(int layer, String name, long[] shape, float[] initial, boolean trainable) {
        Ops scope = named(name);
        Variable<TFloat32> v = scope.variable(org.tensorflow.ndarray.Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> in = named(name + "_in").placeholder(TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(shape)));
        Parameter p = new Parameter(name, v, shape, in, tf.assign(v, in), initial, trainable);
        parameters.add(p);
        byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(p);
    }

    /** Ops naming its next op by a slash-separated path such as {@code dense_1/kernel}. */
    Ops named(String path) {
        String[] parts = path.split("/");
        Ops scope = tf;
        for (int i = 0; i < parts.length - 1; i++) {
            scope = scope.withSubScope(parts[i]);
        }
        return scope.withName(parts[parts.length - 1]);
    }

    /**
     * The forward pass from a batch of inputs to the logits; a final softmax is left to the loss.
     *
     * @param step the training step counter, which with the configured seed and the layer's index seeds each
     *     dropout mask: masks are reproducible, and fixed while the step does not change (for gradient checks);
     *     unused in inference mode
     */
    Pass forward(Operand<TFloat32> x, Mode mode, Operand<TInt64> step) {
        Operand<TFloat32> h = x;
        List<Op> updates = new ArrayList<>();
        List<ActivationSite> sites = new ArrayList<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            List<Parameter> own = byLayer.getOrDefault(i, List.of());
            int p = 0;
            if (layer instanceof Flatten) {
                h = tf.reshape(h, tf.constant(new int[] {-1, (int) model.outputShapeOf(i).elements()}));
            } else if (layer instanceof Dense d) {
                h = tf.linalg.matMul(h, own.get(p++).variable());
                if (d.bias()) {
                    h = tf.nn.biasAdd(h, own.get(p++).variable());
                }
            } else if (layer instanceof Conv2d c) {
                h = conv2d(h, c, own.get(p++).variable());
                if (c.bias()) {
                    h = tf.nn.biasAdd(h, own.get(p++).variable());
                }
            } else if (layer instanceof MaxPool2d m) {
                h = tf.nn.maxPool(h, tf.constant(new int[] {1, m.poolH(), m.poolW(), 1}),
                        tf.constant(new int[] {1, m.strideH(), m.strideW(), 1}), m.padding().name());
            } else if (layer instanceof AvgPool2d a) {
                h = tf.nn.avgPool(h, List.of(1L, (long) a.poolH(), (long) a.poolW(), 1L),
                        List.of(1L, (long) a.strideH(), (long) a.strideW(), 1L), a.padding().name());
            } else if (layer instanceof GlobalAvgPool2d) {
                h = tf.math.mean(h, tf.constant(new int[] {1, 2}));
            } else if (layer instanceof Dropout d) {
                h = mode == Mode.TRAIN ? dropout(h, d.rate(), tf.shape(h, TInt64.class), i, step) : h;
            } else if (layer instanceof SpatialDropout d) {
                h = mode == Mode.TRAIN ? dropout(h, d.rate(), channelNoiseShape(h, model.outputShapeOf(i)), i, step)
                        : h;
            } else if (layer instanceof BatchNorm b) {
                Parameter gamma = b.scale() ? own.get(p++) : null;
                Parameter beta = b.center() ? own.get(p++) : null;
                h = batchNorm(h, b, model.inputShapeOf(i), gamma, beta, own.get(p++), own.get(p++), mode, updates);
            } else if (!(layer instanceof ActivationLayer)) {
                throw new IllegalArgumentException("the TensorFlow backend cannot compile layer " + (i + 1) + " ("
                        + layer.describe() + "); it supports Dense, Conv2d, MaxPool2d, AvgPool2d, GlobalAvgPool2d, "
                        + "Dropout, SpatialDropout, BatchNorm, Flatten and activations");
            }
            Activation activation = activationOf(layer);
            boolean last = i == layers.size() - 1;
            if (activation != null && !(last && activation instanceof Softmax)) {
                Operand<TFloat32> slope = activation instanceof PRelu ? own.get(p).variable() : null;
                Operand<TFloat32> pre = h;
                h = ActivationOps.apply(tf, activation, h, slope);
                if (!last && !(activation instanceof Linear)) {
                    sites.add(new ActivationSite(layerNames.get(i), activation, model.outputShapeOf(i).last(), pre,
                            h));
                }
            }
        }
        return new Pass(h, updates, sites);
    }

    private Operand<TFloat32> conv2d(Operand<TFloat32> h, Conv2d c, Operand<TFloat32> kernel) {
        Operand<TFloat32> in = h;
        if (c.padH() + c.padW() > 0) {
            // PyTorch's explicit zero padding, then a VALID convolution
            in = tf.pad(h, tf.constant(new int[][] {{0, 0}, {c.padH(), c.padH()}, {c.padW(), c.padW()}, {0, 0}}),
                    tf.constant(0f));
        }
        return tf.nn.conv2d(in, kernel, List.of(1L, (long) c.strideH(), (long) c.strideW(), 1L),
                c.padding() == Padding.SAME ? "SAME" : "VALID");
    }

    /** {@code [batch, 1, 1, channels]}: one draw per sample and channel, broadcast over height and width. */
    private Operand<TInt64> channelNoiseShape(Operand<TFloat32> h, Shape image) {
        Operand<TInt64> batch = tf.slice(tf.shape(h, TInt64.class), tf.constant(new int[] {0}),
                tf.constant(new int[] {1}));
        return tf.concat(List.of(batch, tf.constant(new long[] {1, 1, image.last()})), tf.constant(0));
    }

    /**
     * Inverted dropout: keeps each unit (or each channel, by {@code noiseShape}) with probability
     * {@code 1 - rate} and scales kept ones by {@code 1 / (1 - rate)}, so inference needs no rescaling.
     */
    private Operand<TFloat32> dropout(Operand<TFloat32> h, double rate, Operand<TInt64> noiseShape, int layer,
            Operand<TInt64> step) {
        if (rate == 0) {
            return h;
        }
        float keep = (float) (1 - rate);
        Operand<TInt64> maskSeed = tf.stack(List.of(tf.constant(seed * 1_000_003L + layer), step));
        Operand<TFloat32> uniform = tf.random.statelessRandomUniform(noiseShape, maskSeed, TFloat32.class);
        Operand<TFloat32> mask = tf.math.mul(tf.math.floor(tf.math.add(uniform, tf.constant(keep))),
                tf.constant(1f / keep));
        return tf.math.mul(h, mask);
    }

    private Operand<TFloat32> batchNorm(Operand<TFloat32> h, BatchNorm b, Shape in, Parameter gamma, Parameter beta,
            Parameter movingMean, Parameter movingVariance, Mode mode, List<Op> updates) {
        int channels = in.last();
        // the fused kernel wants 4-D input; a flat [N, C] batch is [N, 1, 1, C]
        Operand<TFloat32> x = in.rank() == 3 ? h : tf.reshape(h, tf.constant(new int[] {-1, 1, 1, channels}));
        Operand<TFloat32> scale = gamma != null ? gamma.variable() : tf.constant(filled(channels, 1f));
        Operand<TFloat32> offset = beta != null ? beta.variable() : tf.constant(new float[channels]);
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, scale, offset, movingMean.variable(),
                movingVariance.variable(), FusedBatchNorm.epsilon((float) b.epsilon()),
                FusedBatchNorm.isTraining(mode == Mode.TRAIN), FusedBatchNorm.dataFormat("NHWC"));
        if (mode == Mode.TRAIN) {
            // PyTorch's rule: moving = (1 - momentum) * moving + momentum * batch, with the unbiased batch
            // variance that the fused kernel outputs in training mode
            Operand<TFloat32> m = tf.constant((float) b.momentum());
            updates.add(tf.assignSub(movingMean.variable(),
                    tf.math.mul(m, tf.math.sub(movingMean.variable(), bn.batchMean()))));
            updates.add(tf.assignSub(movingVariance.variable(),
                    tf.math.mul(m, tf.math.sub(movingVariance.variable(), bn.batchVariance()))));
        }
        return in.rank() == 3 ? bn.y() : tf.reshape(bn.y(), tf.constant(new int[] {-1, channels}));
    }
}
