package org.activationlab.data.cifar;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.download.RemoteFile;
import org.activationlab.data.images.ImageFolder;

/**
 * CIFAR-10: 50,000 training and 10,000 test colour images of 32x32 pixels in 10 classes, fetched
 * through a {@link DatasetResolver}, checksum-verified and extracted into its cache.
 *
 * <p>Two copies are supported, and results must say which one they come from:
 * <ul>
 *   <li>{@link Source#BINARY}: the canonical {@code cifar-10-binary.tar.gz} (170,052,171 bytes),
 *       from the mirror's {@code cifar10/} folder or the publisher's URL.</li>
 *   <li>{@link Source#JPEG}: {@code cifar10-jpeg.tar.gz}, a JPEG re-encoding (quality 75, 4:2:0
 *       chroma subsampling) laid out as an image folder, found at a mirror's root only. It is lossy:
 *       results from it are close to, but not the same experiment as, the canonical dataset, and
 *       the datasets' {@link Dataset#source()} says so.</li>
 * </ul>
 * Both give datasets named {@code "cifar10-train"} and {@code "cifar10-test"} with sample shape
 * {@code {32, 32, 3}} (RGB in [0, 1]) and the class names {@link #CLASS_NAMES}. The binary copy
 * keeps the canonical sample order; the JPEG copy is ordered by class, then file name.
 */
public final class Cifar10 {

    /** Which copy of CIFAR-10 to load. */
    public enum Source {
        /** The canonical binary distribution, {@code cifar-10-binary.tar.gz}. */
        BINARY,
        /** The lossy JPEG re-encoding {@code cifar10-jpeg.tar.gz}, available from data mirrors only. */
        JPEG
    }

    /** Cache and mirror folder of the canonical binary CIFAR-10, and its dataset name prefix. */
    public static final String DATASET = "cifar10";
    /** Cache folder of the JPEG re-encoding. */
    public static final String JPEG_DATASET = "cifar10-jpeg";
    /** The publisher's download of the canonical binary distribution. */
    public static final URI CANONICAL_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    /** The canonical binary archive, at {@code cifar10/cifar-10-binary.tar.gz} under a mirror. */
    public static final RemoteFile BINARY_ARCHIVE = RemoteFile.archive(DATASET, "cifar-10-binary.tar.gz",
            DATASET + "/cifar-10-binary.tar.gz", CANONICAL_URL,
            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd");
    /** The JPEG re-encoding, at {@code cifar10-jpeg.tar.gz} in a mirror's root; no canonical URL. */
    public static final RemoteFile JPEG_ARCHIVE = RemoteFile.archive(JPEG_DATASET, "cifar10-jpeg.tar.gz",
            "cifar10-jpeg.tar.gz", null, "efac85c8ed52f4ead1e1f1b670d8dcf435d551fccebdd8b6365e0a01a504f3a4");

    /** The class names in CIFAR-10's label order. */
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    /** The folder inside the binary archive that holds the batch files. */
    public static final String BATCHES_FOLDER = "cifar-10-batches-bin";

    /** What every description of data from the JPEG copy must say, after naming the archive. */
    public static final String JPEG_NOTE = "the JPEG re-encoding (quality 75, 4:2:0 chroma subsampling, lossy) of CIFAR-10,"
            + " NOT the canonical binary CIFAR-10 (cifar-10-binary.tar.gz): results from it are close to, but not the"
            + " same experiment as, results on the canonical dataset";

    private static final int TRAIN_BATCHES = 5;

    private Cifar10() {
    }

    /**
     * Loads CIFAR-10 from the given copy, fetching, verifying and extracting its archive into the
     * resolver's cache unless already there.
     *
     * @throws DatasetNotFoundException if the archive is neither cached nor available: for
     *     {@link Source#BINARY} the message suggests the JPEG copy, for {@link Source#JPEG} it
     *     explains that only data mirrors hold it
     * @throws IOException if fetching, verification, extraction or reading fails
     */
    public static TrainTest load(DatasetResolver resolver, Source source) throws IOException {
        return switch (source) {
            case BINARY -> loadBinary(resolver, BINARY_ARCHIVE);
            case JPEG -> loadJpeg(resolver);
        };
    }

    /** Loads the binary distribution from {@code archive}: {@link #BINARY_ARCHIVE}, or a stand-in in tests. */
    static TrainTest loadBinary(DatasetResolver resolver, RemoteFile archive) throws IOException {
        Path extracted;
        try {
            extracted = resolver.resolveExtracted(archive);
        } catch (DatasetNotFoundException e) {
            throw withHint(e, ". Without the canonical binary CIFAR-10, a mirror may hold its JPEG re-encoding "
                    + JPEG_ARCHIVE.mirrorPath() + " at its root (../shared/data does): load '" + JPEG_DATASET
                    + "' (Cifar10.Source.JPEG) instead, and say in every result that it is the JPEG re-encoding");
        }
        String source = "CIFAR-10 (canonical binary " + archive.fileName() + ", sha256-verified " + archive.sha256()
                + ")";
        return readBatches(extracted.resolve(BATCHES_FOLDER), source);
    }

    /** Reads {@code data_batch_1..5.bin} and {@code test_batch.bin} from {@code dir}. */
    static TrainTest readBatches(Path dir, String source) throws IOException {
        List<Path> trainBatches = new ArrayList<>();
        for (int i = 1; i <= TRAIN_BATCHES; i++) {
            trainBatches.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        Dataset train = Cifar10Binary.read(trainBatches, DATASET + "-" + ImageFolder.TRAIN, CLASS_NAMES, source);
        Dataset test = Cifar10Binary.read(List.of(dir.resolve("test_batch.bin")), DATASET + "-" + ImageFolder.TEST,
                CLASS_NAMES, source);
        return new TrainTest(train, test);
    }

    private static TrainTest loadJpeg(DatasetResolver resolver) throws IOException {
        Path extracted;
        try {
            extracted = resolver.resolveExtracted(JPEG_ARCHIVE);
        } catch (DatasetNotFoundException e) {
            throw withHint(e, ". The canonical binary CIFAR-10 is the dataset '" + DATASET
                    + "' (Cifar10.Source.BINARY)");
        }
        String source = "CIFAR-10 JPEG copy " + JPEG_ARCHIVE.fileName() + " (sha256-verified " + JPEG_ARCHIVE.sha256()
                + "): " + JPEG_NOTE;
        return ImageFolder.load(extracted, CLASS_NAMES, DATASET, source);
    }

    private static DatasetNotFoundException withHint(DatasetNotFoundException e, String hint) {
        return new DatasetNotFoundException(e.getMessage() + hint, e);
    }
}
