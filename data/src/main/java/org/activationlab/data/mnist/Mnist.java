package org.activationlab.data.mnist;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.download.RemoteFile;
import org.activationlab.data.idx.IdxReader;

/**
 * The MNIST handwritten digits: 60,000 training and 10,000 test images of 28x28 grey pixels,
 * labels 0 to 9, fetched through a {@link DatasetResolver} and verified against the SHA-256 of
 * the canonical uncompressed IDX files.
 */
public final class Mnist {

    /** Folder name of MNIST in the cache and under a mirror. */
    public static final String DATASET = "mnist";
    /** TensorFlow's copy of Yann LeCun's original files, used when no mirror is configured. */
    public static final URI CANONICAL_BASE = URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/");

    /** Training images, 60,000 x 28 x 28. */
    public static final RemoteFile TRAIN_IMAGES = remote(IdxReader.TRAIN_IMAGES,
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    /** Training labels, 60,000. */
    public static final RemoteFile TRAIN_LABELS = remote(IdxReader.TRAIN_LABELS,
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
    /** Test images, 10,000 x 28 x 28. */
    public static final RemoteFile TEST_IMAGES = remote(IdxReader.TEST_IMAGES,
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
    /** Test labels, 10,000. */
    public static final RemoteFile TEST_LABELS = remote(IdxReader.TEST_LABELS,
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private static final int NUM_CLASSES = 10;

    private Mnist() {
    }

    private static RemoteFile remote(String fileName, String sha256) {
        String remoteName = fileName + ".gz";
        return new RemoteFile(DATASET, fileName, remoteName, CANONICAL_BASE.resolve(remoteName), sha256);
    }

    /** The four MNIST files, e.g. for pre-fetching into the cache. */
    public static List<RemoteFile> files() {
        return List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    }

    /**
     * Loads MNIST, fetching and verifying any file not yet in the resolver's cache. The datasets are
     * named {@code "mnist-train"} and {@code "mnist-test"}, have sample shape {@code {28, 28, 1}},
     * pixels in [0, 1] and class names {@code "0" .. "9"}.
     */
    public static TrainTest load(DatasetResolver resolver) throws IOException {
        // verified against the canonical checksums, so which copy was read does not change the data
        String source = "MNIST (canonical IDX, sha256-verified)";
        Dataset train = IdxReader.readImagesAndLabels(DATASET + "-train", resolver.resolve(TRAIN_IMAGES),
                resolver.resolve(TRAIN_LABELS), NUM_CLASSES, source);
        Dataset test = IdxReader.readImagesAndLabels(DATASET + "-test", resolver.resolve(TEST_IMAGES),
                resolver.resolve(TEST_LABELS), NUM_CLASSES, source);
        return new TrainTest(train, test);
    }
}
