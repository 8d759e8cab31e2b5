package org.activationlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.activationlab.data.archive.TarExtractor;
import org.activationlab.data.cifar.Cifar10;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.idx.IdxReader;
import org.activationlab.data.images.ImageFolder;
import org.activationlab.data.mnist.Mnist;

/**
 * Opens a dataset from a command-line style specification: {@link #open} for MNIST and its
 * look-alikes, {@link #openImages} for colour image datasets.
 */
public final class Datasets {

    /** The accepted specification forms, for help texts and error messages. */
    public static final String SUPPORTED_SPECS = "'mnist' (MNIST through the data mirror and cache) or"
            + " 'idx:<directory>' (a directory holding train-images-idx3-ubyte, train-labels-idx1-ubyte,"
            + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each optionally .gz, with labels 0-9)";

    /** The accepted forms of {@link #openImages}, for help texts and error messages. */
    public static final String SUPPORTED_IMAGE_SPECS = "'cifar10' (the canonical binary CIFAR-10 through the data"
            + " mirror and cache), 'cifar10-jpeg' (the JPEG re-encoding cifar10-jpeg.tar.gz at the data mirror's"
            + " root, e.g. ../shared/data; lossy, and results must say so) or 'folder:<directory or .tar.gz>' (an image"
            + " folder <root>/train/<class>/*.jpg|.jpeg|.png and <root>/test/<class>/..., or a tar.gz of one, with the"
            + " classes in sorted name order)";

    private static final String IDX_PREFIX = "idx:";
    private static final String FOLDER_PREFIX = "folder:";
    private static final int IDX_NUM_CLASSES = 10;

    private Datasets() {
    }

    /**
     * Opens {@code spec}: {@code mnist} loads MNIST via {@code resolver}; {@code idx:<directory>}
     * reads an MNIST-layout directory directly (10 classes, no checksum verification, since its
     * content is unknown), naming the datasets after the directory.
     *
     * @throws IllegalArgumentException if {@code spec} has none of the {@link #SUPPORTED_SPECS} forms
     */
    public static TrainTest open(String spec, DatasetResolver resolver) throws IOException {
        String trimmed = spec == null ? "" : spec.strip();
        if (trimmed.toLowerCase(Locale.ROOT).equals(Mnist.DATASET)) {
            return Mnist.load(resolver);
        }
        if (trimmed.regionMatches(true, 0, IDX_PREFIX, 0, IDX_PREFIX.length())
                && trimmed.length() > IDX_PREFIX.length()) {
            Path dir = Path.of(trimmed.substring(IDX_PREFIX.length())).toAbsolutePath().normalize();
            Path fileName = dir.getFileName();
            String name = fileName == null ? "idx" : fileName.toString();
            return IdxReader.readDirectory(dir, name, IDX_NUM_CLASSES, "IDX directory " + dir + " (not checksum-verified)");
        }
        throw new IllegalArgumentException("unknown dataset '" + spec + "'; supported: " + SUPPORTED_SPECS);
    }

    /**
     * Opens the image dataset {@code spec}: {@code cifar10} and {@code cifar10-jpeg} load
     * {@link Cifar10} via {@code resolver} from its {@link Cifar10.Source#BINARY BINARY} and
     * {@link Cifar10.Source#JPEG JPEG} copies; {@code folder:<path>} loads an {@link ImageFolder},
     * a directory directly or a {@code .tar.gz}/{@code .tgz}/{@code .tar} archive extracted into the
     * resolver's cache, with the classes in sorted name order, naming the datasets after the
     * directory or archive (no checksum verification, since its content is unknown).
     *
     * @throws IllegalArgumentException if {@code spec} has none of the {@link #SUPPORTED_IMAGE_SPECS} forms
     */
    public static TrainTest openImages(String spec, DatasetResolver resolver) throws IOException {
        String trimmed = spec == null ? "" : spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals(Cifar10.DATASET)) {
            return Cifar10.load(resolver, Cifar10.Source.BINARY);
        }
        if (lower.equals(Cifar10.JPEG_DATASET)) {
            return Cifar10.load(resolver, Cifar10.Source.JPEG);
        }
        if (lower.startsWith(FOLDER_PREFIX) && trimmed.length() > FOLDER_PREFIX.length()) {
            Path path = Path.of(trimmed.substring(FOLDER_PREFIX.length())).toAbsolutePath().normalize();
            Path fileName = path.getFileName();
            if (Files.isRegularFile(path)) {
                String name = fileName == null ? "images" : TarExtractor.stem(fileName.toString());
                return ImageFolder.loadArchive(path, null, resolver.cacheDir(), name, resolver.extractionLimits());
            }
            String name = fileName == null ? "images" : fileName.toString();
            return ImageFolder.load(path, name, "image folder " + path.getFileName() + " (not checksum-verified)");
        }
        throw new IllegalArgumentException("unknown image dataset '" + spec + "'; supported: " + SUPPORTED_IMAGE_SPECS);
    }
}
