package org.activationlab.dsl;

import static org.activationlab.dsl.Layers.activation;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.leakyRelu;
import static org.activationlab.dsl.Layers.relu;
import static org.activationlab.dsl.Layers.softmax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationlab.dsl.activations.Elu;
import org.activationlab.dsl.activations.LeakyRelu;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.layers.Layer;
import org.junit.jupiter.api.Test;

/** Models that cannot be built fail at definition time with a message naming the layer, shapes and the fix. */
class ModelDefinitionErrorsTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void denseDirectlyAfterAnImageInputNamesLayerShapeAndFlatten() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(28, 28, 1), dense(128).relu(), dense(10).softmax()));
        assertContains(e.getMessage(), "layer 1", "Dense", "[-1, 28, 28, 1]", "flatten()");
    }

    @Test
    void laterFailingLayerIsNamedWithItsOwnInputShape() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(28, 28, 1), relu(), dense(10)));
        assertContains(e.getMessage(), "layer 2", "Dense(units=10", "[-1, 28, 28, 1]", "flatten()");

        ModelDefinitionException e2 = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(6, 6, 2), Layers.prelu(), softmax()));
        assertContains(e2.getMessage(), "layer 2", "Softmax", "[-1, 6, 6, 2]", "flatten()");
    }

    @Test
    void modelDefinitionExceptionIsAnIllegalArgumentException() {
        assertTrue(IllegalArgumentException.class.isAssignableFrom(ModelDefinitionException.class));
    }

    @Test
    void missingInputLayer() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(flatten(), dense(10)));
        assertContains(e.getMessage(), "input(");
        assertThrows(ModelDefinitionException.class, () -> Sequential.of());
        assertThrows(ModelDefinitionException.class, () -> Sequential.of((Layer[]) null));
        assertThrows(ModelDefinitionException.class, () -> Sequential.of(dense(10), input(784)));
    }

    @Test
    void inputAloneIsNotAModel() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Sequential.of(input(784)));
        assertContains(e.getMessage(), "at least one layer");
    }

    @Test
    void inputMayOnlyBeFirst() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(784), dense(10), input(10)));
        assertContains(e.getMessage(), "layer 2", "Input", "first");
    }

    @Test
    void nullLayerIsNamed() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(784), dense(10), null));
        assertContains(e.getMessage(), "layer 2", "null");
    }

    @Test
    void softmaxOnANonFlatInputFails() {
        ModelDefinitionException standalone = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(28, 28, 1), softmax()));
        assertContains(standalone.getMessage(), "layer 1", "Softmax", "[-1, 28, 28, 1]", "flatten()");

        ModelDefinitionException parsed = assertThrows(ModelDefinitionException.class,
                () -> Sequential.of(input(4, 4), activation("softmax")));
        assertContains(parsed.getMessage(), "Softmax", "[-1, 4, 4]");

        // after flatten it is fine, and element-wise activations accept any rank
        assertEquals(Shape.of(784), Sequential.of(input(28, 28, 1), flatten(), softmax()).outputShape());
        assertEquals(Shape.of(28, 28, 1), Sequential.of(input(28, 28, 1), leakyRelu(0.01)).outputShape());
    }

    @Test
    void invalidDenseUnits() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> dense(0));
        assertContains(zero.getMessage(), "units", "0");
        assertThrows(IllegalArgumentException.class, () -> dense(-5));
    }

    @Test
    void invalidLeakyReluSlope() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> leakyRelu(-1));
        assertTrue(e.getMessage().startsWith("LeakyRelu negative slope must be >= 0"), e.getMessage());
        assertContains(e.getMessage(), "-1.0");
        assertThrows(IllegalArgumentException.class, () -> dense(8).leakyRelu(-0.01));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(Double.POSITIVE_INFINITY));
        assertEquals(0.0, new LeakyRelu(0.0).negativeSlope()); // slope 0 is plain ReLU, allowed
    }

    @Test
    void invalidEluAlpha() {
        assertContains(assertThrows(IllegalArgumentException.class, () -> new Elu(0.0)).getMessage(), "alpha");
        assertThrows(IllegalArgumentException.class, () -> new Elu(-1.0));
        assertThrows(IllegalArgumentException.class, () -> new Elu(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Elu(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new PRelu(Double.NaN, false));
    }

    @Test
    void invalidShapes() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Shape.of(28, 0, 1));
        assertContains(zero.getMessage(), "[28, 0, 1]");
        assertThrows(IllegalArgumentException.class, () -> Shape.of(-1));
        assertThrows(IllegalArgumentException.class, () -> Shape.of());
        assertThrows(IllegalArgumentException.class, () -> input(28, 28, 0));
    }

    @Test
    void shapeIsAnImmutableValue() {
        int[] dims = {28, 28, 1};
        Shape s = Shape.of(dims);
        dims[0] = 99;
        s.dims()[1] = 99;
        assertEquals(Shape.of(28, 28, 1), s);
        assertEquals(Shape.of(28, 28, 1).hashCode(), s.hashCode());
        assertEquals("[-1, 28, 28, 1]", s.withBatch());
        assertEquals(784L, s.elements());
        assertEquals(1, s.last());
        assertEquals(3, s.rank());
    }
}
