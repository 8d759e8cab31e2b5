package org.activationlab.tf.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void scalesThenNormalisesEachChannel() {
        Preprocessing p = Preprocessing.normalised(new double[] {0.5, 0.25}, new double[] {0.25, 0.5});
        // (255/255 - 0.5) / 0.25 = 2; (0 - 0.25) / 0.5 = -0.5; (51/255 - 0.5) / 0.25 = -1.2; (127.5/255 - 0.25) / 0.5 = 0.5
        assertArrayEquals(new float[] {2f, -0.5f, -1.2f, 0.5f}, p.apply(new float[] {255, 0, 51, 127.5f}), 1e-6f);
        assertArrayEquals(new float[] {1f, 0f}, Preprocessing.unitRange(1).apply(new float[] {255, 0}), 0f);
    }

    @Test
    void refusesInconsistentStatistics() {
        assertEquals("preprocessing std must be > 0 per channel, got [1.0, 0.0]", assertThrows(
                IllegalArgumentException.class, () -> Preprocessing.normalised(new double[] {0, 0},
                        new double[] {1, 0})).getMessage());
        assertEquals("3 values are not a whole number of 2-channel pixels", assertThrows(
                IllegalArgumentException.class, () -> Preprocessing.normalised(new double[] {0, 0},
                        new double[] {1, 1}).apply(new float[3])).getMessage());
    }
}
