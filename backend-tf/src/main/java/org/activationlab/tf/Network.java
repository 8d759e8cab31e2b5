package org.activationlab.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.layers.Initializer;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.tf.spi.ForwardContext;
import org.activationlab.tf.spi.LoweredActivation;
import org.activationlab.tf.spi.LoweredLayer;
import org.activationlab.tf.spi.LoweringContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The layers of a {@link Sequential} as TensorFlow variables and ops: each layer and activation is compiled once
 * by its registered lowering ({@link Lowerings}), which creates its parameters; then any number of forward passes
 * are built over them, each in training or inference mode. Images are NHWC and convolution kernels HWIO, the
 * layouts TensorFlow's CPU kernels (oneDNN) are fastest with.
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

    /** One compiled layer of a chain and the activation after it ({@code null} for none). */
    private record Step(String name, LoweredLayer layer, Activation function, LoweredActivation activation,
            int units) {
    }

    private final Ops tf;
    private final long seed;
    private final SplittableRandom initRandom;
    private final Lowerings lowerings = Lowerings.load();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Step> steps;
    /** Seeds for layers inside blocks, after the top-level layers' own (their index). */
    private int nextNestedSeed;

    Network(Ops tf, Sequential model, long seed) {
        this.tf = tf;
        this.seed = seed;
        this.initRandom = new SplittableRandom(seed);
        this.nextNestedSeed = model.layers().size();
        this.steps = compileChain("", model.layers(), model.inputShape(), Initializer.GLOROT_UNIFORM, true);
    }

    /**
     * Rejects what the fused softmax cross-entropy cannot train: a softmax before the last layer, a last
     * activation other than softmax or linear, an output that is not flat.
     */
    void checkClassifierOutput(Sequential model) {
        Activation softmax = Activations.softmax();
        for (int i = 0; i < steps.size() - 1; i++) {
            if (softmax.equals(steps.get(i).function())) {
                throw new IllegalArgumentException("softmax must be the model's last layer (the loss applies it to"
                        + " the logits), but layer " + (i + 1) + " (" + model.layers().get(i).describe() + ") has it"
                        + " and " + (steps.size() - 1 - i) + " layer(s) follow; move it to the end");
            }
        }
        Activation last = steps.get(steps.size() - 1).function();
        if (last != null && !softmax.equals(last) && !Activations.linear().equals(last)) {
            throw new IllegalArgumentException("the cross-entropy loss needs the model to end in softmax (or in linear "
                    + "logits), but it ends in " + last.displayName() + "; use dense(classes).softmax()");
        }
        if (model.outputShape().rank() != 1) {
            throw new IllegalArgumentException("a classifier's output must be flat [-1, classes], got "
                    + model.outputShape().withBatch() + "; add flatten() and a dense layer");
        }
    }

    /** Every parameter and buffer, trainable ones and buffers interleaved in layer order. */
    List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Compiles a chain of layers: names each {@code <prefix><type>_<n>}, picks each layer's initializer from the
     * activation its output meets next ({@code after} past the chain's end) and creates the parameters in order.
     */
    private List<Step> compileChain(String prefix, List<Layer> layers, Shape input, Initializer after,
            boolean topLevel) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        Shape shape = input;
        for (Layer layer : layers) {
            names.add(prefix + layer.typeName().toLowerCase(Locale.ROOT) + "_"
                    + counters.merge(layer.typeName(), 1, Integer::sum));
            shapes.add(shape);
            shape = layer.outputShape(shape);
        }
        shapes.add(shape);
        List<Step> chain = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String name = names.get(i);
            long layerSeed = seed * 1_000_003L + (topLevel ? i : nextNestedSeed++);
            Context context = new Context(name, shapes.get(i), shapes.get(i + 1),
                    initializerAfter(layers, names, i, after), layerSeed);
            LoweredLayer lowered = lowerings.lower(layer, name, context);
            Optional<Activation> function = lowerings.activationOf(layer, name);
            LoweredActivation activation = function.isPresent()
                    ? lowerings.lower(function.get(), name, context) : null;
            chain.add(new Step(name, lowered, function.orElse(null), activation, shapes.get(i + 1).last()));
        }
        return chain;
    }

    /**
     * The initializer suited to the activation that the output of layer {@code i} meets next, looking past layers
     * that do not transform it with weights (pooling, dropout, flatten, batch norm): the CNN paper's
     * {@code conv, maxPool, act} initialises the convolution for {@code act}.
     */
    private Initializer initializerAfter(List<Layer> layers, List<String> names, int i, Initializer after) {
        for (int j = i; j < layers.size(); j++) {
            if (j > i && lowerings.mixesFeatures(layers.get(j), names.get(j))) {
                return Initializer.GLOROT_UNIFORM;
            }
            Optional<Activation> activation = lowerings.activationOf(layers.get(j), names.get(j));
            if (activation.isPresent()) {
                return activation.get().preferredInitializer();
            }
        }
        return after;
    }

    private Operand<TFloat32> add(String name, long[] shape, float[] initial, boolean trainable) {
        Variable<TFloat32> v = GraphState.named(tf, name).variable(org.tensorflow.ndarray.Shape.of(shape),
                TFloat32.class);
        Placeholder<TFloat32> in = GraphState.named(tf, name + "_in").placeholder(TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(shape)));
        parameters.add(new Parameter(name, v, shape, in, tf.assign(v, in), initial, trainable));
        return v;
    }

    /**
     * The forward pass from a batch of inputs to the logits; a final softmax is left to the loss.
     *
     * @param step the training step counter, which with the configured seed and the layer's place seeds each
     *     dropout mask: masks are reproducible, and fixed while the step does not change (for gradient checks);
     *     unused in inference mode
     */
    Pass forward(Operand<TFloat32> x, Mode mode, Operand<TInt64> step) {
        PassContext pass = new PassContext(mode == Mode.TRAIN, step);
        Operand<TFloat32> logits = run(steps, x, pass, true);
        return new Pass(logits, pass.updates, pass.sites);
    }

    private Operand<TFloat32> run(List<Step> chain, Operand<TFloat32> x, PassContext pass, boolean topLevel) {
        Operand<TFloat32> h = x;
        for (int i = 0; i < chain.size(); i++) {
            Step s = chain.get(i);
            h = s.layer().forward(h, pass);
            boolean last = topLevel && i == chain.size() - 1;
            if (s.activation() == null || last && Activations.softmax().equals(s.function())) {
                continue;
            }
            Operand<TFloat32> pre = h;
            h = s.activation().apply(h, pass);
            // an activation that returns its input (linear) has nothing to probe
            if (!last && h != pre) {
                pass.sites.add(new ActivationSite(s.name(), s.function(), s.units(), pre, h));
            }
        }
        return h;
    }

    private final class PassContext implements ForwardContext {
        private final boolean training;
        private final Operand<TInt64> step;
        private final List<Op> updates = new ArrayList<>();
        private final List<ActivationSite> sites = new ArrayList<>();

        PassContext(boolean training, Operand<TInt64> step) {
            this.training = training;
            this.step = step;
        }

        @Override
        public Ops tf() {
            return tf;
        }

        @Override
        public boolean training() {
            return training;
        }

        @Override
        public Operand<TInt64> step() {
            return step;
        }

        @Override
        public void addUpdate(Op update) {
            if (training) {
                updates.add(update);
            }
        }
    }

    private final class Context implements LoweringContext {
        private final String name;
        private final Shape input;
        private final Shape output;
        private final Initializer initializer;
        private final long layerSeed;

        Context(String name, Shape input, Shape output, Initializer initializer, long layerSeed) {
            this.name = name;
            this.input = input;
            this.output = output;
            this.initializer = initializer;
            this.layerSeed = layerSeed;
        }

        @Override
        public Ops tf() {
            return tf;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Shape inputShape() {
            return input;
        }

        @Override
        public Shape outputShape() {
            return output;
        }

        @Override
        public Initializer initializer() {
            return initializer;
        }

        @Override
        public float[] uniform(long n, double limit) {
            float[] values = new float[Math.toIntExact(n)];
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) ((initRandom.nextDouble() * 2 - 1) * limit);
            }
            return values;
        }

        @Override
        public long seed() {
            return layerSeed;
        }

        @Override
        public Operand<TFloat32> parameter(String parameter, long[] shape, float[] initial) {
            return add(name + "/" + parameter, shape, initial, true);
        }

        @Override
        public Operand<TFloat32> buffer(String buffer, long[] shape, float[] initial) {
            return add(name + "/" + buffer, shape, initial, false);
        }

        @Override
        public LoweredLayer lowerChain(String scope, List<Layer> layers, Shape in, Initializer after) {
            String prefix = name + "/" + (scope.isEmpty() ? "" : scope + "/");
            List<Step> chain = compileChain(prefix, layers, in, after, false);
            // a block forwards the context its pass gave it, which is always this network's own
            return (x, f) -> run(chain, x, (PassContext) f, false);
        }
    }
}
