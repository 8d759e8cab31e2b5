package org.activationlab.dsl.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.activationlab.dsl.ModelSummary;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.PRelu;
import org.junit.jupiter.api.Test;

/** The CNN paper's models reproduce its torchsummary tables row by row. */
class PaperModelsTest {

    private static List<String> names(ModelSummary s) {
        return s.rows().stream().map(ModelSummary.Row::name).toList();
    }

    /** The rows that own parameters, as the paper's table lists them. */
    private static List<Long> parameterRows(ModelSummary s) {
        return s.rows().stream().map(ModelSummary.Row::params).filter(p -> p > 0).toList();
    }

    @Test
    void mnistCnnHas21840ParametersInFourLayers() {
        Sequential model = PaperModels.mnistCnn(Activations.relu());
        ModelSummary s = model.summary();
        assertEquals(List.of("Conv2d-1", "MaxPool2d-2", "ReLU-3", "Conv2d-4", "SpatialDropout-5", "MaxPool2d-6",
                "ReLU-7", "Flatten-8", "Dense-9", "ReLU-10", "Dropout-11", "Dense-12", "Softmax-13"), names(s));
        assertEquals(List.of(260L, 5_020L, 16_050L, 510L), parameterRows(s));
        assertEquals(21_840L, s.total());
        assertEquals(21_840L, s.trainable());
        assertEquals(0L, s.nonTrainable());

        assertEquals(Shape.of(24, 24, 10), model.outputShapeOf(0));
        assertEquals(Shape.of(12, 12, 10), model.outputShapeOf(1));
        assertEquals(Shape.of(8, 8, 20), model.outputShapeOf(3));
        assertEquals(Shape.of(4, 4, 20), model.outputShapeOf(5));
        assertEquals(Shape.of(320), model.outputShapeOf(7));
        assertEquals(Shape.of(10), model.outputShape());
    }

    @Test
    void mnistCnnWithSharedPreluAddsOneSlopePerOccurrence() {
        ModelSummary s = PaperModels.mnistCnn(Activations.prelu()).summary();
        assertEquals(21_843L, s.total());
        assertEquals(List.of(260L, 1L, 5_020L, 1L, 16_050L, 1L, 510L), parameterRows(s));
        assertEquals(21_840L, PaperModels.mnistCnn(Activations.leakyRelu()).summary().total());
        // one slope per channel instead: 10 + 20 + 50
        assertEquals(21_840L + 80, PaperModels.mnistCnn(new PRelu(0.25, true)).summary().total());
    }

    @Test
    void vgg11Has9231114ParametersRowByRow() {
        Sequential model = PaperModels.cifar10Vgg11(Activations.relu());
        ModelSummary s = model.summary();
        assertEquals(List.of(1_792L, 128L, 73_856L, 256L, 295_168L, 512L, 590_080L, 512L, 1_180_160L, 1_024L,
                2_359_808L, 1_024L, 2_359_808L, 1_024L, 2_359_808L, 1_024L, 5_130L), parameterRows(s));
        assertEquals(9_231_114L, s.total());
        assertEquals(9_231_114L, s.trainable());
        assertEquals(9_231_114L, model.trainableParameters());
        // moving mean and variance of 64 + 128 + 256 * 2 + 512 * 4 channels
        assertEquals(5_504L, s.nonTrainable());

        assertEquals(List.of("Conv2d-1", "BatchNorm-2", "ReLU-3", "MaxPool2d-4", "Conv2d-5"), names(s).subList(0, 5));
        assertEquals(List.of("MaxPool2d-29", "AvgPool2d-30", "Flatten-31", "Dense-32", "Softmax-33"),
                names(s).subList(28, 33));
        assertEquals(33, s.rows().size());
        assertEquals(Shape.of(32, 32, 64), model.outputShapeOf(0));
        assertEquals(Shape.of(16, 16, 64), model.outputShapeOf(2));
        assertEquals(Shape.of(1, 1, 512), model.outputShapeOf(model.layers().size() - 3));
        assertEquals(Shape.of(1, 1, 512), model.outputShapeOf(model.layers().size() - 4));
        assertEquals(Shape.of(512), model.inputShapeOf(model.layers().size() - 1));
        assertEquals(Shape.of(10), model.outputShape());
    }

    @Test
    void vgg11WithSharedPreluAddsOneSlopePerConvolutionBlock() {
        assertEquals(9_231_114L + 8, PaperModels.cifar10Vgg11(Activations.prelu()).summary().total());
        assertEquals(9_231_114L, PaperModels.cifar10Vgg11(Activations.elu()).summary().total());
    }
}
