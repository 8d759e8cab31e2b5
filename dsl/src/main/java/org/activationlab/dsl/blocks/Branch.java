package org.activationlab.dsl.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.layers.Input;
import org.activationlab.dsl.layers.Layer;

/**
 * A chain of layers inside a block, each with its fused activation, as in {@code Sequential} but without an
 * input of its own: it takes the block's input.
 *
 * @param layers the chain, at least one, none of them {@code input(...)}
 */
public record Branch(List<Layer> layers) {

    public Branch {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a block's branch needs at least one layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new IllegalArgumentException("layer " + (i + 1) + " of a block's branch is null");
            }
            if (layers.get(i) instanceof Input) {
                throw new IllegalArgumentException("layer " + (i + 1) + " of a block's branch is input(...); a "
                        + "branch takes the block's input");
            }
        }
        layers = List.copyOf(layers);
    }

    /** The chain of {@code layers}, in order. */
    public static Branch of(Layer... layers) {
        return new Branch(List.of(layers));
    }

    /**
     * The output shape of every layer for the given input, checking each layer and fused activation.
     *
     * @throws IllegalArgumentException naming the layer of the branch and its input shape
     */
    public List<Shape> shapes(Shape input) {
        List<Shape> shapes = new ArrayList<>();
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            try {
                shape = layer.outputShape(shape);
                Shape out = shape;
                layer.activation().ifPresent(a -> a.checkInput(out));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("branch layer " + (i + 1) + " (" + layer.describe() + "), input "
                        + "shape " + (shapes.isEmpty() ? input : shapes.get(i - 1)).withBatch() + ": "
                        + e.getMessage(), e);
            }
            shapes.add(shape);
        }
        return shapes;
    }

    /** The shape the branch outputs for the given input. */
    public Shape outputShape(Shape input) {
        List<Shape> shapes = shapes(input);
        return shapes.get(shapes.size() - 1);
    }

    /** Trainable parameters of the layers and of their fused activations. */
    public long paramCount(Shape input) {
        List<Shape> shapes = shapes(input);
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Shape in = i == 0 ? input : shapes.get(i - 1);
            Shape out = shapes.get(i);
            total += layer.paramCount(in) + layer.activation().map(a -> a.paramCount(out)).orElse(0L);
        }
        return total;
    }

    /** Non-trainable state (batch-norm moving statistics) of the layers. */
    public long nonTrainableParamCount(Shape input) {
        List<Shape> shapes = shapes(input);
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            total += layers.get(i).nonTrainableParamCount(i == 0 ? input : shapes.get(i - 1));
        }
        return total;
    }

    /** E.g. {@code [Conv2d(...).ReLU(), BatchNorm(...)]}. */
    public String describe() {
        return layers.stream().map(l -> l.describe() + l.activation().map(a -> "." + a.displayName()).orElse(""))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
