package org.activationlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.Datasets;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.split.Splits;
import org.activationlab.data.testing.TestMirror;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real MNIST through the project's file mirror (never the internet). */
class MnistTest {

    private static final int[] TRAIN_CLASS_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] TEST_CLASS_COUNTS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    @TempDir
    static Path fallbackCache;
    static DatasetResolver resolver;
    static TrainTest mnist;

    @BeforeAll
    static void load() throws IOException {
        Path mirror = TestMirror.find(Mnist.DATASET);
        assumeTrue(mirror != null, "no dataset mirror: set -Dactivationlab.mirror or provide ../shared/data");
        resolver = DatasetResolver.create(TestMirror.cache(fallbackCache), mirror.toString());
        mnist = Mnist.load(resolver);
    }

    @Test
    void hasCanonicalSizesShapesAndClassCounts() {
        Dataset train = mnist.train();
        Dataset test = mnist.test();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {28, 28, 1}, train.sampleShape());
        assertEquals(784, train.sampleSize());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());
        assertArrayEquals(TRAIN_CLASS_COUNTS, train.classCounts());
        assertArrayEquals(TEST_CLASS_COUNTS, test.classCounts());
        assertEquals("mnist-train", train.name());
        // what the data is, never where it lies on this machine
        assertEquals("MNIST (canonical IDX, sha256-verified)", train.source());
    }

    @Test
    void pixelsAreScaledToUnitIntervalAndUseTheFullRange() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (Dataset d : List.of(mnist.train(), mnist.test())) {
            for (float v : d.features()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void allSplitsExactly() {
        Dataset all = mnist.all();
        assertEquals(70_000, all.size());
        List<Dataset> splits = Splits.stratified(all, new double[] {0.7, 0.2, 0.1}, 1, "train", "val", "test");
        assertEquals(List.of(49_000, 14_000, 7_000), splits.stream().map(Dataset::size).toList());
    }

    @Test
    void cachedFilesOpenAsAnIdxDirectory() throws IOException {
        Path cachedDir = resolver.cachePath(Mnist.TRAIN_IMAGES).getParent();
        TrainTest fromDir = Datasets.open("idx:" + cachedDir, resolver);
        assertEquals("mnist-train", fromDir.train().name());
        assertArrayEquals(mnist.test().labels(), fromDir.test().labels());
        assertArrayEquals(mnist.test().features(), fromDir.test().features());
    }
}
