package org.activationlab.data.cifar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.activationlab.data.ChannelStats;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.testing.TestMirror;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the real CIFAR-10 JPEG re-encoding from the project's file mirror (never the internet):
 * about 5 s once extracted into the build's cache, plus the one-off extraction of 60,000 files.
 */
class Cifar10JpegTest {

    @TempDir
    static Path fallbackCache;
    static DatasetResolver resolver;
    static TrainTest cifar;

    @BeforeAll
    static void load() throws IOException {
        Path mirror = TestMirror.find(Cifar10.JPEG_ARCHIVE.mirrorPath());
        assumeTrue(mirror != null, "no mirror holding cifar10-jpeg.tar.gz: set -Dactivationlab.mirror or provide"
                + " ../shared/data");
        resolver = DatasetResolver.create(TestMirror.cache(fallbackCache), mirror.toString());
        cifar = Cifar10.load(resolver, Cifar10.Source.JPEG);
    }

    @Test
    void hasCifarSizesShapesClassesAndBalancedCounts() {
        Dataset train = cifar.train();
        Dataset test = cifar.test();
        assertEquals("cifar10-train", train.name());
        assertEquals("cifar10-test", test.name());
        assertEquals(50_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {32, 32, 3}, train.sampleShape());
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                train.classNames());
        for (int c = 0; c < 10; c++) {
            assertEquals(5_000, train.classCounts()[c]);
            assertEquals(1_000, test.classCounts()[c]);
        }
    }

    @Test
    void sourceSaysItIsTheJpegReEncodingFromTheMirror() {
        String source = cifar.train().source();
        assertEquals("CIFAR-10 JPEG copy cifar10-jpeg.tar.gz (sha256-verified " + Cifar10.JPEG_ARCHIVE.sha256()
                + "): the JPEG re-encoding (quality 75, 4:2:0 chroma"
                + " subsampling, lossy) of CIFAR-10, NOT the canonical binary CIFAR-10 (cifar-10-binary.tar.gz):"
                + " results from it are close to, but not the same experiment as, results on the canonical dataset", source);
        assertEquals(source, cifar.test().source());
    }

    @Test
    void pixelStatisticsAreCloseToTheCanonicalDataset() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : cifar.test().features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // Canonical CIFAR-10 training statistics; JPEG keeps the means and smooths the images a little.
        ChannelStats stats = ChannelStats.of(cifar.train());
        assertArrayEquals(new double[] {0.4914, 0.4822, 0.4465}, stats.mean(), 0.001, stats.toString());
        assertArrayEquals(new double[] {0.2470, 0.2435, 0.2616}, stats.std(), 0.003, stats.toString());
    }
}
