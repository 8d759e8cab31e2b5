package org.activationlab.dsl.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Elu;
import org.activationlab.dsl.activations.Gelu;
import org.activationlab.dsl.activations.LeakyRelu;
import org.activationlab.dsl.activations.Linear;
import org.activationlab.dsl.activations.Mish;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.activations.Relu;
import org.activationlab.dsl.activations.Selu;
import org.activationlab.dsl.activations.Sigmoid;
import org.activationlab.dsl.activations.Softmax;
import org.activationlab.dsl.activations.Softplus;
import org.activationlab.dsl.activations.Swish;
import org.activationlab.dsl.activations.Tanh;
import org.activationlab.dsl.blocks.Branch;
import org.activationlab.dsl.blocks.Concat;
import org.activationlab.dsl.blocks.Residual;
import org.activationlab.dsl.blocks.Shortcut;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.AvgPool2d;
import org.activationlab.dsl.layers.BatchNorm;
import org.activationlab.dsl.layers.Conv2d;
import org.activationlab.dsl.layers.Dense;
import org.activationlab.dsl.layers.Dropout;
import org.activationlab.dsl.layers.Flatten;
import org.activationlab.dsl.layers.GlobalAvgPool2d;
import org.activationlab.dsl.layers.Input;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.dsl.layers.Padding;
import org.activationlab.dsl.layers.SpatialDropout;

/**
 * The codecs of the DSL's own layers and activations. Field names are the hyperparameter names of
 * {@code describe()} and {@code Activation.hyperparameters()} in snake case, so a description reads like the
 * summary.
 */
public final class BuiltInCodecs implements CodecProvider {

    /** A codec from a writer and a reader. */
    private record Codec<T extends Layer>(String type, Class<T> layerClass, Writer<T> writer,
            Function<JsonFields, T> reader) implements LayerCodec<T> {

        @Override
        public void write(T layer, ObjectNode out, CodecRegistry registry) {
            writer.write(layer, out, registry);
        }

        @Override
        public T read(JsonFields in) {
            return reader.apply(in);
        }
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(T layer, ObjectNode out, CodecRegistry registry);
    }

    private record Named<T extends Activation>(String name, Class<T> activationClass,
            Function<JsonFields, T> reader) implements ActivationCodec<T> {

        @Override
        public T read(JsonFields hyperparameters) {
            return reader.apply(hyperparameters);
        }
    }

    @Override
    public List<LayerCodec<?>> layerCodecs() {
        return List.of(
                new Codec<>("input", Input.class, (l, o, r) -> {
                    var shape = o.putArray("shape");
                    for (int d : l.shape().dims()) {
                        shape.add(d);
                    }
                },
                        in -> new Input(Shape.of(in.integers("shape")))),
                new Codec<>("dense", Dense.class, (l, o, r) -> {
                    o.put("units", l.units()).put("bias", l.bias());
                    fused(l, o, r);
                }, in -> new Dense(in.integer("units"), in.bool("bias"), in.optionalActivation("activation"))),
                new Codec<>("conv2d", Conv2d.class, (l, o, r) -> {
                    o.put("filters", l.filters()).put("kernel_height", l.kernelHeight())
                            .put("kernel_width", l.kernelWidth()).put("stride_h", l.strideH())
                            .put("stride_w", l.strideW()).put("padding", l.padding().name()).put("pad_h", l.padH())
                            .put("pad_w", l.padW()).put("bias", l.bias());
                    fused(l, o, r);
                }, in -> new Conv2d(in.integer("filters"), in.integer("kernel_height"), in.integer("kernel_width"),
                        in.integer("stride_h"), in.integer("stride_w"), in.constant("padding", Padding.class),
                        in.integer("pad_h"), in.integer("pad_w"), in.bool("bias"),
                        in.optionalActivation("activation"))),
                new Codec<>("max_pool2d", MaxPool2d.class, (l, o, r) -> pool(o, l.poolH(), l.poolW(), l.strideH(),
                        l.strideW(), l.padding()), in -> new MaxPool2d(in.integer("pool_h"), in.integer("pool_w"),
                                in.integer("stride_h"), in.integer("stride_w"), in.constant("padding", Padding.class))),
                new Codec<>("avg_pool2d", AvgPool2d.class, (l, o, r) -> pool(o, l.poolH(), l.poolW(), l.strideH(),
                        l.strideW(), l.padding()), in -> new AvgPool2d(in.integer("pool_h"), in.integer("pool_w"),
                                in.integer("stride_h"), in.integer("stride_w"), in.constant("padding", Padding.class))),
                new Codec<>("global_avg_pool2d", GlobalAvgPool2d.class, (l, o, r) -> { },
                        in -> new GlobalAvgPool2d()),
                new Codec<>("flatten", Flatten.class, (l, o, r) -> { }, in -> new Flatten()),
                new Codec<>("dropout", Dropout.class, (l, o, r) -> o.put("rate", l.rate()),
                        in -> new Dropout(in.number("rate"))),
                new Codec<>("spatial_dropout", SpatialDropout.class, (l, o, r) -> o.put("rate", l.rate()),
                        in -> new SpatialDropout(in.number("rate"))),
                new Codec<>("batch_norm", BatchNorm.class, (l, o, r) -> {
                    o.put("momentum", l.momentum()).put("epsilon", l.epsilon()).put("center", l.center())
                            .put("scale", l.scale());
                    fused(l, o, r);
                }, in -> new BatchNorm(in.number("momentum"), in.number("epsilon"), in.bool("center"),
                        in.bool("scale"), in.optionalActivation("activation"))),
                new Codec<>("activation", ActivationLayer.class,
                        (l, o, r) -> o.set("function", r.encodeActivation(l.function())),
                        in -> new ActivationLayer(in.activation("function"))),
                new Codec<>("residual", Residual.class, (l, o, r) -> {
                    o.put("shortcut", l.shortcut().name());
                    o.set("branch", branch(l.branch(), r));
                    fused(l, o, r);
                }, in -> new Residual(new Branch(in.layers("branch")), in.constant("shortcut", Shortcut.class),
                        in.optionalActivation("activation"))),
                new Codec<>("concat", Concat.class, (l, o, r) -> {
                    ArrayNode branches = o.putArray("branches");
                    l.branches().forEach(b -> branches.add(branch(b, r)));
                }, in -> new Concat(in.layerLists("branches").stream().map(Branch::new).toList())));
    }

    private static void fused(Layer layer, ObjectNode out, CodecRegistry registry) {
        layer.activation().ifPresent(a -> out.set("activation", registry.encodeActivation(a)));
    }

    /** A block's branch as the array of its layers. */
    private static ArrayNode branch(Branch branch, CodecRegistry registry) {
        ArrayNode layers = JsonNodeFactory.instance.arrayNode();
        branch.layers().forEach(l -> layers.add(registry.encodeLayer(l)));
        return layers;
    }

    private static void pool(ObjectNode out, int poolH, int poolW, int strideH, int strideW, Padding padding) {
        out.put("pool_h", poolH).put("pool_w", poolW).put("stride_h", strideH).put("stride_w", strideW)
                .put("padding", padding.name());
    }

    @Override
    public List<ActivationCodec<?>> activationCodecs() {
        return List.of(
                new Named<>("relu", Relu.class, in -> new Relu()),
                new Named<>("leaky_relu", LeakyRelu.class, in -> new LeakyRelu(in.number("negative_slope"))),
                new Named<>("prelu", PRelu.class, in -> new PRelu(in.number("init"), in.bool("per_channel"))),
                new Named<>("elu", Elu.class, in -> new Elu(in.number("alpha"))),
                new Named<>("selu", Selu.class, BuiltInCodecs::selu),
                new Named<>("tanh", Tanh.class, in -> new Tanh()),
                new Named<>("sigmoid", Sigmoid.class, in -> new Sigmoid()),
                new Named<>("softmax", Softmax.class, in -> new Softmax()),
                new Named<>("linear", Linear.class, in -> new Linear()),
                new Named<>("gelu", Gelu.class, in -> new Gelu()),
                new Named<>("swish", Swish.class, in -> new Swish()),
                new Named<>("mish", Mish.class, in -> new Mish()),
                new Named<>("softplus", Softplus.class, in -> new Softplus()));
    }

    /** SELU's constants are fixed; a file claiming others describes a different function. */
    private static Selu selu(JsonFields in) {
        if (in.number("scale") != Selu.SCALE || in.number("alpha") != Selu.ALPHA) {
            throw new ModelFormatException(in.where() + ": SELU's scale and alpha are fixed at " + Selu.SCALE
                    + " and " + Selu.ALPHA + ", got " + in.number("scale") + " and " + in.number("alpha"));
        }
        return new Selu();
    }
}
