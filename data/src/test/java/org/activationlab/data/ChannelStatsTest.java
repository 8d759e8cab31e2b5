package org.activationlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelStatsTest {

    /**
     * Two samples of shape [1, 2, 2] (two positions, two channels). Channel 0 holds 0, 0.2, 0.4, 0.6:
     * mean 0.3, population variance (0.09 + 0.01 + 0.01 + 0.09) / 4 = 0.05. Channel 1 holds 1, 1, 0.5,
     * 0.5: mean 0.75, variance 0.0625, std 0.25.
     */
    private static Dataset train() {
        float[] features = {0f, 1f, 0.2f, 1f, 0.4f, 0.5f, 0.6f, 0.5f};
        return new Dataset("train", features, new int[] {0, 1}, new int[] {1, 2, 2}, List.of("a", "b"), "hand-made");
    }

    @Test
    void computesPerChannelMeanAndPopulationStd() {
        ChannelStats stats = ChannelStats.of(train());

        assertArrayEquals(new double[] {0.3, 0.75}, stats.mean(), 1e-7);
        assertArrayEquals(new double[] {Math.sqrt(0.05), 0.25}, stats.std(), 1e-7);
        assertEquals(2, stats.channels());
        assertEquals("mean [0.30000, 0.75000], std [0.22361, 0.25000]", stats.toString());
    }

    @Test
    void normalizesEveryChannelAndRecordsItInTheSource() {
        Dataset train = train();
        ChannelStats stats = ChannelStats.of(train);

        Dataset normalized = train.normalized(stats);

        float s = (float) Math.sqrt(0.05);
        assertArrayEquals(new float[] {-0.3f / s, 1f, -0.1f / s, 1f, 0.1f / s, -1f, 0.3f / s, -1f},
                normalized.features(), 1e-6f);
        assertArrayEquals(train.labels(), normalized.labels());
        assertEquals("train", normalized.name());
        assertEquals("hand-made; normalised per channel as (x - mean) / std with " + stats, normalized.source());
        ChannelStats after = ChannelStats.of(normalized);
        assertArrayEquals(new double[] {0, 0}, after.mean(), 1e-6);
        assertArrayEquals(new double[] {1, 1}, after.std(), 1e-6);
    }

    @Test
    void trainTestUsesTheTrainingStatisticsForBoth() {
        Dataset train = train();
        Dataset test = train.subset(new int[] {1}, "test");

        TrainTest normalized = new TrainTest(train, test).normalized();

        ChannelStats stats = ChannelStats.of(train);
        assertArrayEquals(test.normalized(stats).features(), normalized.test().features());
        assertArrayEquals(train.normalized(stats).features(), normalized.train().features());
    }

    @Test
    void rejectsConstantChannelsAndMismatchedChannelCounts() {
        Dataset constant = new Dataset("flat", new float[] {0.1f, 0.5f, 0.2f, 0.5f}, new int[] {0, 1},
                new int[] {1, 2}, List.of("a", "b"), "hand-made");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelStats.of(constant));
        assertTrue(e.getMessage().startsWith("channel 1 of dataset 'flat' has the same value 0.5 everywhere, so its"
                + " standard deviation is 0"), e.getMessage());

        ChannelStats three = new ChannelStats(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        e = assertThrows(IllegalArgumentException.class, () -> train().normalized(three));
        assertTrue(e.getMessage().contains("(2 channels in the last axis) using statistics for 3 channels"),
                e.getMessage());
    }

    @Test
    void constructorValidatesAndCopies() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelStats(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new ChannelStats(new double[] {0}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new ChannelStats(new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ChannelStats(new double[0], new double[0]));
        double[] mean = {0.5};
        ChannelStats stats = new ChannelStats(mean, new double[] {2});
        mean[0] = 9;
        stats.mean()[0] = 9;
        assertEquals(0.5, stats.mean()[0]);
        assertEquals(new ChannelStats(new double[] {0.5}, new double[] {2}), stats);
    }
}
