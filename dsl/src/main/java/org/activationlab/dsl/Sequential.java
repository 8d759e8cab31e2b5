package org.activationlab.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Input;
import org.activationlab.dsl.layers.Layer;

/**
 * A model as a stack of layers, the first of which is an {@link Input}. Shapes are inferred and checked when the
 * model is built, so a mismatch fails here, naming the layer, rather than inside a backend.
 */
public final class Sequential {

    private final Input input;
    private final List<Layer> layers;
    private final List<Shape> outputShapes;

    private Sequential(Input input, List<Layer> layers, List<Shape> outputShapes) {
        this.input = input;
        this.layers = layers;
        this.outputShapes = outputShapes;
    }

    /**
     * Builds a model from its layers, e.g.
     * {@code Sequential.of(input(784), dense(128).relu(), dense(10).softmax())}.
     *
     * @throws ModelDefinitionException if the first layer is not an input or any layer cannot take its input shape
     */
    public static Sequential of(Layer... layers) {
        if (layers == null || layers.length == 0 || !(layers[0] instanceof Input input)) {
            throw new ModelDefinitionException("Sequential.of needs input(...) as its first layer, e.g. "
                    + "Sequential.of(input(28, 28, 1), flatten(), dense(10).softmax())");
        }
        if (layers.length == 1) {
            throw new ModelDefinitionException("Sequential.of needs at least one layer after input(...)");
        }
        List<Layer> body = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        Shape shape = input.shape();
        for (int i = 1; i < layers.length; i++) {
            Layer layer = layers[i];
            if (layer == null) {
                throw new ModelDefinitionException("layer " + i + " is null");
            }
            if (layer instanceof Input) {
                throw new ModelDefinitionException("layer " + i + " (Input): input(...) may only be the first layer");
            }
            try {
                shape = layer.outputShape(shape);
                Optional<Activation> activation = layer.activation();
                if (activation.isPresent()) {
                    activation.get().checkInput(shape);
                }
            } catch (IllegalArgumentException e) {
                throw new ModelDefinitionException("layer " + i + " (" + layer.describe() + "), input shape "
                        + (shapes.isEmpty() ? input.shape() : shapes.get(shapes.size() - 1)).withBatch() + ": "
                        + e.getMessage());
            }
            body.add(layer);
            shapes.add(shape);
        }
        return new Sequential(input, List.copyOf(body), List.copyOf(shapes));
    }

    /** The input layer. */
    public Input input() {
        return input;
    }

    /** The shape of one input sample. */
    public Shape inputShape() {
        return input.shape();
    }

    /** The layers after the input, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The input shape of layer {@code i} of {@link #layers()}. */
    public Shape inputShapeOf(int i) {
        return i == 0 ? input.shape() : outputShapes.get(i - 1);
    }

    /** The output shape of layer {@code i} of {@link #layers()}. */
    public Shape outputShapeOf(int i) {
        return outputShapes.get(i);
    }

    /** The shape of one output sample. */
    public Shape outputShape() {
        return outputShapes.get(outputShapes.size() - 1);
    }

    /** The summary table, one row per layer and per fused activation. */
    public ModelSummary summary() {
        return ModelSummary.of(this);
    }

    /** Total trainable parameters, including learnable activations'. */
    public long trainableParameters() {
        return summary().trainable();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Sequential.of(").append(input.describe());
        for (Layer layer : layers) {
            s.append(", ").append(layer.describe());
            layer.activation().ifPresent(a -> s.append('.').append(a.displayName()));
        }
        return s.append(')').toString();
    }
}
