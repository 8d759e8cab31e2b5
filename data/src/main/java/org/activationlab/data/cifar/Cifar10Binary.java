package org.activationlab.data.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.activationlab.data.Dataset;
import org.activationlab.data.DatasetFormatException;
import org.activationlab.data.DatasetNotFoundException;

/**
 * Reads batch files in the canonical binary CIFAR-10 format ({@code data_batch_1.bin} ..
 * {@code test_batch.bin} from {@code cifar-10-binary.tar.gz}).
 *
 * <p>A batch is a sequence of 3,073-byte records: one label byte, then the 32x32 image as three
 * 1,024-byte planes (red, green, blue), each plane row-major. The reader converts records to the
 * project's sample layout {@code [32, 32, 3]} (height, width, channel; "NHWC" for a whole batch)
 * with pixels scaled from 0..255 to [0, 1]. Files are validated strictly (exact record multiple,
 * labels in range) so that a truncated or foreign file fails loudly instead of yielding a short or
 * garbled dataset.
 */
public final class Cifar10Binary {

    /** Image height and width in pixels. */
    public static final int SIDE = 32;
    /** Colour channels per pixel (RGB). */
    public static final int CHANNELS = 3;
    /** Bytes of one image: three 32x32 planes. */
    public static final int IMAGE_BYTES = SIDE * SIDE * CHANNELS;
    /** Bytes of one record: one label byte followed by the image. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private static final int PLANE = SIDE * SIDE;
    private static final float[] PIXEL_SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            PIXEL_SCALE[i] = i / 255f;
        }
    }

    private Cifar10Binary() {
    }

    /**
     * Reads {@code batches} in order into one dataset with sample shape {@code {32, 32, 3}}.
     *
     * @param classNames the class names; every label byte must be an index into them
     * @throws DatasetNotFoundException if a batch file does not exist
     * @throws DatasetFormatException if a file's size is not a positive multiple of
     *     {@value #RECORD_BYTES} bytes or a label is out of range
     */
    public static Dataset read(List<Path> batches, String name, List<String> classNames, String source)
            throws IOException {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("no CIFAR-10 batch files given for dataset '" + name + "'");
        }
        // Sizes first, so that a missing or truncated last batch fails before hundreds of megabytes
        // are read and converted.
        long[] counts = new long[batches.size()];
        long records = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = recordCount(batches.get(i), batches);
            records += counts[i];
        }
        if (records * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dataset '" + name + "' would have " + records
                    + " CIFAR-10 records, more than one float array can hold");
        }
        float[] features = new float[(int) records * IMAGE_BYTES];
        int[] labels = new int[(int) records];
        int record = 0;
        for (int i = 0; i < counts.length; i++) {
            Path batch = batches.get(i);
            byte[] bytes = Files.readAllBytes(batch);
            if (bytes.length != counts[i] * RECORD_BYTES) {
                throw new DatasetFormatException(batch, "changed size while being read (" + counts[i] * RECORD_BYTES
                        + " bytes, then " + bytes.length + "); expected it not to be modified during loading");
            }
            for (int r = 0; r < bytes.length / RECORD_BYTES; r++, record++) {
                int base = r * RECORD_BYTES;
                int label = bytes[base] & 0xFF;
                if (label >= classNames.size()) {
                    throw new DatasetFormatException(batch, "has label " + label + " in record " + r
                            + " (byte offset " + base + "); expected a value in [0, " + classNames.size()
                            + ") for classes " + classNames);
                }
                labels[record] = label;
                int out = record * IMAGE_BYTES;
                for (int p = 0; p < PLANE; p++) {
                    for (int c = 0; c < CHANNELS; c++) {
                        features[out++] = PIXEL_SCALE[bytes[base + 1 + c * PLANE + p] & 0xFF];
                    }
                }
            }
        }
        return new Dataset(name, features, labels, new int[] {SIDE, SIDE, CHANNELS}, classNames, source);
    }

    private static long recordCount(Path batch, List<Path> batches) throws IOException {
        if (!Files.isRegularFile(batch)) {
            throw new DatasetNotFoundException(batch + ": no such CIFAR-10 batch file; expected "
                    + batches.stream().map(b -> String.valueOf(b.getFileName())).collect(Collectors.joining(", "))
                    + " in " + batch.toAbsolutePath().getParent());
        }
        long size = Files.size(batch);
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new DatasetFormatException(batch, String.format(Locale.ROOT, "is truncated or not a CIFAR-10"
                    + " batch: %,d bytes is not a positive multiple of %,d (1 label byte + %,d pixel bytes)",
                    size, RECORD_BYTES, IMAGE_BYTES));
        }
        return size / RECORD_BYTES;
    }
}
