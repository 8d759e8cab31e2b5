package org.activationlab.dsl.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.junit.jupiter.api.Test;

/** Uniform initializer limits, and which family each activation asks for. */
class InitializerTest {

    @Test
    void glorotUsesFanInPlusFanOut() {
        // sqrt(6 / (784 + 128)) = sqrt(6 / 912)
        assertEquals(0.08111071056538127, Initializer.GLOROT_UNIFORM.limit(784, 128), 1e-15);
        assertEquals(1.0, Initializer.GLOROT_UNIFORM.limit(3, 3), 1e-15);
        assertEquals(Math.sqrt(6.0 / 74), Initializer.GLOROT_UNIFORM.limit(64, 10), 1e-15);
    }

    @Test
    void heUsesFanInOnly() {
        // sqrt(6 / 784)
        assertEquals(0.08748177652797065, Initializer.HE_UNIFORM.limit(784, 128), 1e-15);
        assertEquals(Initializer.HE_UNIFORM.limit(784, 1), Initializer.HE_UNIFORM.limit(784, 10_000));
        assertEquals(1.0, Initializer.HE_UNIFORM.limit(6, 1), 1e-15);
    }

    @Test
    void lecunUsesHalfOfHe() {
        // sqrt(3 / 784)
        assertEquals(0.06185895741317419, Initializer.LECUN_UNIFORM.limit(784, 128), 1e-15);
        assertEquals(1.0, Initializer.LECUN_UNIFORM.limit(3, 99), 1e-15);
        assertEquals(Initializer.HE_UNIFORM.limit(128, 64) / Math.sqrt(2.0), Initializer.LECUN_UNIFORM.limit(128, 64),
                1e-15);
    }

    @Test
    void largeFansDoNotOverflow() {
        long big = 3_000_000_000L;
        assertEquals(Math.sqrt(6.0 / (2.0 * big)), Initializer.GLOROT_UNIFORM.limit(big, big), 1e-20);
    }

    @Test
    void nonPositiveFansAreRejected() {
        for (Initializer init : Initializer.values()) {
            assertThrows(IllegalArgumentException.class, () -> init.limit(0, 10));
            assertThrows(IllegalArgumentException.class, () -> init.limit(10, 0));
            assertThrows(IllegalArgumentException.class, () -> init.limit(-1, 10));
        }
    }

    @Test
    void reluFamilyPrefersHe() {
        assertEquals(Initializer.HE_UNIFORM, new Relu().preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new LeakyRelu(0.01).preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new PRelu(0.25, true).preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new Elu(1.0).preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new Gelu().preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new Swish().preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new Mish().preferredInitializer());
        assertEquals(Initializer.HE_UNIFORM, new Softplus().preferredInitializer());
    }

    @Test
    void saturatingAndLinearOutputsPreferGlorot() {
        assertEquals(Initializer.GLOROT_UNIFORM, new Sigmoid().preferredInitializer());
        assertEquals(Initializer.GLOROT_UNIFORM, new Tanh().preferredInitializer());
        assertEquals(Initializer.GLOROT_UNIFORM, new Softmax().preferredInitializer());
        assertEquals(Initializer.GLOROT_UNIFORM, new Linear().preferredInitializer());
    }

    @Test
    void seluPrefersLecun() {
        assertEquals(Initializer.LECUN_UNIFORM, new Selu().preferredInitializer());
    }
}
