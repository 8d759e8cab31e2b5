package org.activationlab.tf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeToAccuracyTest {

    private static EpochStats epoch(int n, double valAccuracy, double trainSeconds) {
        return new EpochStats(n, 0.5, 0.9, 0.1, valAccuracy, trainSeconds, 100);
    }

    private final History history = new History(List.of(epoch(1, 0.95, 5.0), epoch(2, 0.9799, 4.0),
            epoch(3, 0.98, 6.5), epoch(4, 0.99, 5.0)), null, 0, List.of());

    @Test
    void firstEpochReachingTheThresholdWithTrainingTimeOnly() {
        TimeToAccuracy t = history.timeToAccuracy(0.98);
        assertTrue(t.reached());
        assertEquals(3, t.epoch());
        // evaluation seconds (100 per epoch) are not counted
        assertEquals(15.5, t.trainSeconds(), 1e-12);
        assertEquals(1, history.timeToAccuracy(0.5).epoch());
        assertEquals(5.0, history.timeToAccuracy(0.5).trainSeconds(), 1e-12);
    }

    @Test
    void unreachedThresholdHasEpochZeroAndNoTime() {
        TimeToAccuracy t = history.timeToAccuracy(0.995);
        assertFalse(t.reached());
        assertEquals(0, t.epoch());
        assertTrue(Double.isNaN(t.trainSeconds()));
    }

    @Test
    void thresholdMustBeAFraction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> history.timeToAccuracy(98));
        assertEquals("accuracy threshold must be in (0, 1], got 98.0; write 98% as 0.98", e.getMessage());
    }
}
