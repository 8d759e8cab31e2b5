package org.activationlab.dsl.json;

import static org.activationlab.dsl.Layers.branch;
import static org.activationlab.dsl.Layers.concat;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.residual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.Elu;
import org.activationlab.dsl.activations.LeakyRelu;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.blocks.Shortcut;
import org.activationlab.dsl.layers.ActivationLayer;
import org.activationlab.dsl.layers.AvgPool2d;
import org.activationlab.dsl.layers.BatchNorm;
import org.activationlab.dsl.layers.Conv2d;
import org.activationlab.dsl.layers.Dense;
import org.activationlab.dsl.layers.Dropout;
import org.activationlab.dsl.layers.Flatten;
import org.activationlab.dsl.layers.GlobalAvgPool2d;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.dsl.layers.MaxPool2d;
import org.activationlab.dsl.layers.Padding;
import org.activationlab.dsl.layers.SpatialDropout;
import org.activationlab.dsl.models.PaperModels;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    /** Every layer type with hyperparameters away from their defaults, so a dropped field would show. */
    private static Sequential everyLayer() {
        return Sequential.of(input(16, 12, 3),
                residual(new Conv2d(3, 3).padding(Padding.SAME).relu(), new BatchNorm()).relu(),
                residual(new Conv2d(5, 3).padding(Padding.SAME)).shortcut(Shortcut.PROJECTION),
                residual(new Conv2d(6, 1), new Dropout(0.5)).shortcut(Shortcut.ZERO_PAD).activation(new Elu(0.3)),
                concat(branch(new Conv2d(2, 1)),
                        branch(new MaxPool2d(3, 3, 1, 1, Padding.SAME), new Conv2d(1, 1).tanh())),
                new Conv2d(8, 3, 2, 2, 1, Padding.VALID, 1, 2, false, new LeakyRelu(0.2)),
                new BatchNorm(0.3, 1e-3, false, true, new Elu(0.7)),
                new SpatialDropout(0.25),
                new MaxPool2d(2, 1, 1, 2, Padding.SAME),
                new Conv2d(4, 1).padding(Padding.SAME),
                new AvgPool2d(2, 2, 1, 1, Padding.VALID),
                new ActivationLayer(new PRelu(0.1, true)),
                new GlobalAvgPool2d(),
                new Dropout(0.125),
                new Flatten(),
                new Dense(6, false, null),
                new BatchNorm(),
                new Dense(5).softmax());
    }

    @Test
    void everyLayerTypeRoundTripsWithAllHyperparameters() {
        Sequential model = everyLayer();
        Sequential back = ModelJson.fromJson(ModelJson.toJson(model), "test");
        assertEquals(model.input(), back.input());
        assertEquals(model.layers(), back.layers());
        assertEquals(model.toString(), back.toString());
        // the sample covers every registered layer type
        Set<Class<?>> covered = new HashSet<>();
        covered.add(model.input().getClass());
        model.layers().forEach(l -> covered.add(l.getClass()));
        Set<Class<?>> registered = new HashSet<>();
        new BuiltInCodecs().layerCodecs().forEach(c -> registered.add(c.layerClass()));
        assertEquals(registered, covered);
        assertEquals(ModelJson.registry().layerTypes().size(), registered.size());
    }

    @Test
    void everyActivationRoundTripsFusedAndStandalone() {
        List<Activation> all = Activations.catalogue().keySet().stream().map(Activations::parse).distinct().toList();
        Set<Class<?>> covered = new HashSet<>();
        for (Activation a : all) {
            Activation varied = a instanceof LeakyRelu ? new LeakyRelu(0.123) : a instanceof Elu ? new Elu(0.5)
                    : a instanceof PRelu ? new PRelu(-0.3, true) : a;
            covered.add(varied.getClass());
            boolean softmax = varied.name().equals("softmax");
            Sequential model = softmax
                    ? Sequential.of(input(4), new Dense(3).activation(varied))
                    : Sequential.of(input(4), new Dense(3).activation(varied), new ActivationLayer(varied),
                            new Dense(2).softmax());
            Sequential back = ModelJson.fromJson(ModelJson.toJson(model), "test");
            assertEquals(model.layers(), back.layers(), varied.displayName());
            assertEquals(varied.hyperparameters(), back.layers().get(0).activation().orElseThrow().hyperparameters());
        }
        Set<Class<?>> registered = new HashSet<>();
        new BuiltInCodecs().activationCodecs().forEach(c -> registered.add(c.activationClass()));
        assertEquals(registered, covered);
    }

    @Test
    void paperModelsRoundTrip() {
        for (Sequential model : List.of(PaperModels.mnistCnn(Activations.prelu()),
                PaperModels.cifar10Vgg11(Activations.elu()), PaperModels.cifar10ResNet20(Activations.relu()),
                PaperModels.cifar10ResNet20(Activations.swish(), Shortcut.PROJECTION))) {
            assertEquals(model.layers(), ModelJson.fromJson(ModelJson.toJson(model), "test").layers());
        }
    }

    @Test
    void writesReadableFieldNames() {
        String json = ModelJson.toJson(Sequential.of(input(4), new Dense(3).leakyRelu(0.01)));
        assertTrue(json.contains("\"format_version\" : 1"), json);
        assertTrue(json.contains("\"type\" : \"dense\""), json);
        assertTrue(json.contains("\"negative_slope\" : 0.01"), json);
    }

    @Test
    void unknownVersionIsOneLine() {
        String json = ModelJson.toJson(Sequential.of(input(4), new Dense(3))).replace("\"format_version\" : 1",
                "\"format_version\" : 7");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelJson.fromJson(json, "m.json"));
        assertEquals("m.json has model format version 7; this build reads version 1 only, so it was written by a"
                + " newer Activation Lab: upgrade", e.getMessage());
    }

    @Test
    void malformedDescriptionsNameTheProblem() {
        String ok = ModelJson.toJson(Sequential.of(input(4), new Dense(3).relu()));
        assertMessage(ok.replace("\"dense\"", "\"densex\""), "m.json layer 1: unknown layer type 'densex'");
        assertMessage(ok.replace("\"units\" : 3", "\"units\" : \"3\""),
                "m.json layer 1 (dense): field 'units' must be an integer, got '3'");
        assertMessage(ok.replace("\"units\" : 3,", ""), "m.json layer 1 (dense): missing field 'units'");
        assertMessage(ok.replace("\"units\" : 3", "\"units\" : -3"),
                "m.json layer 1 (dense): Dense units must be > 0, got -3");
        assertMessage(ok.replace("\"relu\"", "\"reluu\""), "m.json layer 1 (dense) activation: unknown activation");
        assertMessage(ok.replace("activation-lab-model", "keras"), "m.json is not an Activation Lab model");
        assertMessage("{", "m.json is not valid JSON");
        assertMessage(ok.replace("\"shape\" : [ 4 ]", "\"shape\" : [ 4, 4, 1 ]"), "m.json: layer 1 (Dense(units=3,"
                + " bias=true)), input shape [-1, 4, 4, 1]: expects a flat input");
    }

    @Test
    void malformedBlocksNameTheInnerLayer() {
        String ok = ModelJson.toJson(Sequential.of(input(8, 8, 2),
                residual(new Conv2d(2, 3).padding(Padding.SAME)).relu(),
                concat(branch(new Conv2d(1, 1)), branch(new Conv2d(3, 1).relu()))));
        assertMessage(ok.replace("\"IDENTITY\"", "\"SIDEWAYS\""), "m.json layer 1 (residual): field 'shortcut' must"
                + " be one of [IDENTITY, ZERO_PAD, PROJECTION], got 'SIDEWAYS'");
        assertMessage(ok.replace("\"filters\" : 3", "\"filters\" : 0"),
                "m.json layer 2 (concat) branches[1][0] (conv2d): Conv2d filters must be > 0");
        assertMessage(ok.replace("\"filters\" : 2", "\"filters\" : 4"), "m.json: layer 1 (Residual(");
    }

    private static void assertMessage(String json, String prefix) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelJson.fromJson(json, "m.json"));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aSecondCodecForOneTypeIsRefused() {
        CodecProvider twice = new BuiltInCodecs();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CodecRegistry(List.of(twice, twice)));
        assertTrue(e.getMessage().startsWith("two model codecs claim the layer type 'input'"), e.getMessage());
    }

    @Test
    void aLayerWithoutCodecIsNamed() {
        Layer custom = new Layer() {
            @Override
            public String typeName() {
                return "Custom";
            }

            @Override
            public String describe() {
                return "Custom()";
            }

            @Override
            public org.activationlab.dsl.Shape outputShape(org.activationlab.dsl.Shape in) {
                return in;
            }

            @Override
            public long paramCount(org.activationlab.dsl.Shape in) {
                return 0;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelJson.toJson(Sequential.of(input(4), custom)));
        assertTrue(e.getMessage().startsWith("no model codec for layer Custom()"), e.getMessage());
    }
}
