package org.activationlab.study.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activationlab.tf.training.RunningMetrics;
import org.junit.jupiter.api.Test;

class ProgressBarListenerTest {

    /** Counts how often the bar asks the graph for the running metrics. */
    private static final class CountingMetrics implements RunningMetrics {
        int reads;

        @Override
        public double loss() {
            reads++;
            return 0.5;
        }

        @Override
        public double accuracy() {
            reads++;
            return 0.9;
        }
    }

    @Test
    void readsTheRunningMetricsOnlyWhenRefreshingAndAtTheEpochsLastStep() {
        ProgressBarListener bar = new ProgressBarListener();
        CountingMetrics metrics = new CountingMetrics();
        bar.onTrainBegin(1, 1000);
        bar.onEpochBegin(1);
        for (int step = 1; step < 1000; step++) {
            bar.onStep(1, step, metrics);
        }
        // 999 fast steps take far less than the 250 ms refresh interval
        assertEquals(0, metrics.reads);
        bar.onStep(1, 1000, metrics);
        assertEquals(2, metrics.reads);
    }

    @Test
    void shownIfGivesABarOnlyWhenAsked() {
        assertTrue(ProgressBarListener.shownIf(false).isEmpty());
        assertEquals(1, ProgressBarListener.shownIf(true).size());
    }
}
