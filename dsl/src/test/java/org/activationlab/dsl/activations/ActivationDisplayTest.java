package org.activationlab.dsl.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Type names and {@link Activation#displayName()}: every hyperparameter, in order, locale-independent. */
class ActivationDisplayTest {

    @Test
    void displayNames() {
        assertEquals("ReLU()", new Relu().displayName());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyRelu(0.01).displayName());
        assertEquals("LeakyReLU(negative_slope=0.3)", new LeakyRelu(0.3).displayName());
        assertEquals("LeakyReLU(negative_slope=1.0E-5)", new LeakyRelu(1e-5).displayName());
        assertEquals("PReLU(init=0.25, per_channel=false)", new PRelu(0.25, false).displayName());
        assertEquals("PReLU(init=0.1, per_channel=true)", new PRelu(0.1, true).displayName());
        assertEquals("ELU(alpha=1.0)", new Elu(1.0).displayName());
        assertEquals("SELU(scale=1.0507009873554805, alpha=1.6732632423543772)", new Selu().displayName());
        assertEquals("Tanh()", new Tanh().displayName());
        assertEquals("Sigmoid()", new Sigmoid().displayName());
        assertEquals("Softmax()", new Softmax().displayName());
        assertEquals("Linear()", new Linear().displayName());
        assertEquals("GELU()", new Gelu().displayName());
        assertEquals("Swish()", new Swish().displayName());
        assertEquals("Mish()", new Mish().displayName());
        assertEquals("Softplus()", new Softplus().displayName());
    }

    @Test
    void factoriesUseThePapersDefaults() {
        assertEquals(new LeakyRelu(0.01), Activations.leakyRelu());
        assertEquals(0.01, Activations.PAPER_LEAKY_SLOPE);
        assertEquals(new PRelu(0.25, false), Activations.prelu());
        assertEquals(new Elu(1.0), Activations.elu());
    }

    @Test
    void namesAndTypeNames() {
        List<Activation> all = List.of(new Relu(), new LeakyRelu(0.01), new PRelu(0.25, false), new Elu(1.0),
                new Selu(), new Tanh(), new Sigmoid(), new Softmax(), new Linear(), new Gelu(), new Swish(), new Mish(),
                new Softplus());
        assertEquals(List.of("relu", "leaky_relu", "prelu", "elu", "selu", "tanh", "sigmoid", "softmax", "linear",
                "gelu", "swish", "mish", "softplus"), all.stream().map(Activation::name).toList());
        assertEquals(List.of("ReLU", "LeakyReLU", "PReLU", "ELU", "SELU", "Tanh", "Sigmoid", "Softmax", "Linear",
                "GELU", "Swish", "Mish", "Softplus"), all.stream().map(Activation::typeName).toList());
    }

    @Test
    void displayNameDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.GERMANY, Locale.FRANCE, Locale.forLanguageTag("ar-EG-u-nu-arab")}) {
                Locale.setDefault(l);
                assertEquals("ELU(alpha=1.0)", new Elu(1.0).displayName(), l.toString());
                assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyRelu(0.01).displayName(), l.toString());
                assertEquals("SELU(scale=1.0507009873554805, alpha=1.6732632423543772)", new Selu().displayName());
            }
        } finally {
            Locale.setDefault(saved);
        }
    }
}
