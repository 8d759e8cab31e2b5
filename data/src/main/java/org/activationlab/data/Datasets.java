package org.activationlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.activationlab.data.idx.IdxReader;

/** Opens a dataset from a command-line style specification. */
public final class Datasets {

    /** The accepted specification forms, for help texts and error messages. */
    public static final String SUPPORTED_SPECS = "'mnist' (MNIST through the data mirror and cache) or"
            + " 'idx:<directory>' (a directory holding train-images-idx3-ubyte, train-labels-idx1-ubyte,"
            + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each optionally .gz, with labels 0-9)";

    private static final String IDX_PREFIX = "idx:";
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
    public static MnistData open(String spec, DatasetResolver resolver) throws IOException {
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
}
