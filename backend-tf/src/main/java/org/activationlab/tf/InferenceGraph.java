package org.activationlab.tf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.activationlab.dsl.Sequential;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A model's inference pass alone in a graph of its own: the input placeholder, the forward pass with dropout off
 * and batch norm's moving statistics, softmax probabilities and the most probable class. It holds the trained
 * tensors and nothing of training (no data slots, gradients or optimizer slots), which makes it the graph to
 * export as a TensorFlow SavedModel.
 */
public final class InferenceGraph implements AutoCloseable {

    /** The serving signature's key, TensorFlow's default. */
    public static final String SIGNATURE = "serving_default";
    /** The signature's input name. */
    public static final String INPUT = "input";
    /** The signature's output of class probabilities, float32 [-1, classes]. */
    public static final String PROBABILITIES = "probabilities";
    /** The signature's output of the most probable class, int64 [-1]. */
    public static final String CLASSES = "classes";

    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> probabilities;
    private final Operand<TInt64> classes;

    /**
     * Builds the inference graph of {@code model} holding {@code tensors}, which must name every weight and buffer
     * of the model (as {@link CompiledModel#weights()} and {@link CompiledModel#buffers()} do).
     */
    public InferenceGraph(Sequential model, Map<String, float[]> tensors) {
        this.graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            Network network = new Network(tf, model, 0);
            long[] dims = new long[model.inputShape().rank() + 1];
            dims[0] = -1;
            for (int i = 0; i < model.inputShape().rank(); i++) {
                dims[i + 1] = model.inputShape().dim(i);
            }
            input = tf.withName(INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(org.tensorflow.ndarray.Shape.of(dims)));
            Operand<TFloat32> logits = network.forward(input, Network.Mode.INFER, tf.constant(0L)).logits();
            probabilities = tf.withName(PROBABILITIES).nn.softmax(logits);
            classes = tf.withName(CLASSES).math.argMax(probabilities, tf.constant(1), TInt64.class);
            session = SessionConfigs.open(graph, ConfigProto.getDefaultInstance());
            for (Parameter p : network.parameters()) {
                float[] values = tensors.get(p.name());
                if (values == null || values.length != p.size()) {
                    throw new IllegalArgumentException("the inference graph needs tensor " + p.name() + " with "
                            + p.size() + " values, got " + (values == null ? "none" : values.length));
                }
                try (TFloat32 t = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(p.shape()),
                        DataBuffers.of(values, true, false));
                        Result r = session.runner().feed(p.input(), t).addTarget(p.assign()).run()) {
                    // assigned
                }
            }
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The inference graph of a compiled model, with its current weights and buffers. */
    public static InferenceGraph of(CompiledModel compiled) {
        Map<String, float[]> tensors = new LinkedHashMap<>(compiled.weights());
        tensors.putAll(compiled.buffers());
        return new InferenceGraph(compiled.model(), tensors);
    }

    /**
     * Writes a TensorFlow SavedModel into {@code dir} (which must not exist yet) with the tag {@code serve} and
     * the signature {@value #SIGNATURE}: input {@value #INPUT} float32 [-1, ...input shape] to outputs
     * {@value #PROBABILITIES} and {@value #CLASSES}.
     */
    public void exportSavedModel(Path dir) throws IOException {
        Signature signature = Signature.builder().key(SIGNATURE).input(INPUT, input)
                .output(PROBABILITIES, probabilities).output(CLASSES, classes).build();
        SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature).export();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
