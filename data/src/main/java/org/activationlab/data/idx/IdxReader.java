package org.activationlab.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.activationlab.data.Dataset;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.TrainTest;

/**
 * Reads IDX files (the format of MNIST and its look-alikes), raw or gzip-compressed.
 *
 * <p>Only the unsigned-byte element type (0x08) is supported, which is what image/label datasets
 * use. Files are validated strictly: header, positive dimensions and an exact data length, so
 * that a truncated or mislabelled download fails loudly instead of producing a short dataset.
 */
public final class IdxReader {

    /** Standard file name of the training images in an IDX dataset directory. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Standard file name of the training labels in an IDX dataset directory. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Standard file name of the test images in an IDX dataset directory. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Standard file name of the test labels in an IDX dataset directory. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMS = 4;
    private static final float[] PIXEL_SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            PIXEL_SCALE[i] = i / 255f;
        }
    }

    private IdxReader() {
    }

    /**
     * Reads and validates one IDX file. Gzip compression is detected from the content (magic bytes
     * 0x1f 0x8b), not from the file name.
     *
     * @throws IdxFormatException if the file is not a well-formed unsigned-byte IDX file
     * @throws IOException if the file cannot be read
     */
    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            boolean gzip = startsWithGzipMagic(in);
            InputStream content = gzip ? new GZIPInputStream(in, 1 << 16) : in;
            try {
                return parse(file, content);
            } catch (ZipException | EOFException e) {
                // GZIPInputStream signals a damaged or cut-off compressed stream this way.
                throw new IdxFormatException(file, "is a corrupt or truncated gzip stream (" + e.getMessage()
                        + "); expected a complete gzip-compressed IDX file");
            }
        }
    }

    /**
     * Reads an image file and its label file into a {@link Dataset} with sample shape
     * {@code {rows, columns, 1}}, pixels scaled from 0..255 to [0, 1] and class names
     * {@code "0" .. numClasses-1}.
     *
     * @throws IdxFormatException if either file is malformed, the images are not 3-D, the labels not
     *     1-D, their counts differ, or a label is outside {@code [0, numClasses)}
     */
    public static Dataset readImagesAndLabels(String name, Path images, Path labels, int numClasses,
                                              String source) throws IOException {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
        }
        IdxArray imageArray = read(images);
        if (imageArray.dims().length != 3) {
            throw new IdxFormatException(images, "has " + imageArray.dims().length + " dimensions "
                    + Arrays.toString(imageArray.dims()) + "; expected 3 (count, rows, columns) for an image file");
        }
        IdxArray labelArray = read(labels);
        if (labelArray.dims().length != 1) {
            throw new IdxFormatException(labels, "has " + labelArray.dims().length + " dimensions "
                    + Arrays.toString(labelArray.dims()) + "; expected 1 (count) for a label file");
        }
        if (imageArray.count() != labelArray.count()) {
            throw new IdxFormatException(images, "holds " + imageArray.count() + " images but label file "
                    + labels + " holds " + labelArray.count() + " labels; expected the same count in both");
        }
        byte[] labelBytes = labelArray.data();
        int[] labelValues = new int[labelBytes.length];
        for (int i = 0; i < labelBytes.length; i++) {
            int value = labelBytes[i] & 0xFF;
            if (value >= numClasses) {
                throw new IdxFormatException(labels, "has label " + value + " at index " + i
                        + "; expected a value in [0, " + numClasses + ")");
            }
            labelValues[i] = value;
        }
        byte[] pixels = imageArray.data();
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = PIXEL_SCALE[pixels[i] & 0xFF];
        }
        List<String> classNames = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            classNames.add(Integer.toString(c));
        }
        int[] dims = imageArray.dims();
        return new Dataset(name, features, labelValues, new int[] {dims[1], dims[2], 1}, classNames, source);
    }

    /**
     * Reads a directory laid out like MNIST: the four standard files {@link #TRAIN_IMAGES},
     * {@link #TRAIN_LABELS}, {@link #TEST_IMAGES} and {@link #TEST_LABELS}, each either raw or with
     * a {@code .gz} suffix (raw wins if both exist). The datasets are named
     * {@code "<name>-train"} and {@code "<name>-test"}.
     *
     * @throws DatasetNotFoundException if one of the four files is missing
     * @throws IdxFormatException if a file is malformed (see {@link #readImagesAndLabels})
     */
    public static TrainTest readDirectory(Path dir, String name, int numClasses, String source)
            throws IOException {
        Dataset train = readImagesAndLabels(name + "-train", standardFile(dir, TRAIN_IMAGES),
                standardFile(dir, TRAIN_LABELS), numClasses, source);
        Dataset test = readImagesAndLabels(name + "-test", standardFile(dir, TEST_IMAGES),
                standardFile(dir, TEST_LABELS), numClasses, source);
        return new TrainTest(train, test);
    }

    private static Path standardFile(Path dir, String baseName) throws DatasetNotFoundException {
        Path raw = dir.resolve(baseName);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DatasetNotFoundException(raw + ": neither it nor " + gz.getFileName()
                + " exists; an IDX directory must hold " + String.join(", ",
                        TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS) + " (each optionally .gz)");
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static IdxArray parse(Path file, InputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new IdxFormatException(file, "is truncated: expected a 4-byte IDX magic number, found "
                    + magic.length + " bytes");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, String.format(Locale.ROOT,
                    "is not an IDX file: its magic number starts with 0x%02x 0x%02x; expected 0x00 0x00",
                    magic[0] & 0xFF, magic[1] & 0xFF));
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(file, String.format(Locale.ROOT,
                    "has unsupported IDX element type code 0x%02x (%s); expected 0x08 (unsigned byte)",
                    type, typeName(type)));
        }
        int numDims = magic[3] & 0xFF;
        if (numDims < 1 || numDims > MAX_DIMS) {
            throw new IdxFormatException(file, "declares " + numDims + " dimensions; expected 1 to " + MAX_DIMS);
        }
        byte[] dimBytes = in.readNBytes(4 * numDims);
        if (dimBytes.length < 4 * numDims) {
            throw new IdxFormatException(file, "is truncated: expected " + numDims
                    + " 4-byte dimension sizes in the header, found " + dimBytes.length + " bytes");
        }
        int[] dims = new int[numDims];
        long expected = 1;
        for (int i = 0; i < numDims; i++) {
            dims[i] = ((dimBytes[4 * i] & 0xFF) << 24) | ((dimBytes[4 * i + 1] & 0xFF) << 16)
                    | ((dimBytes[4 * i + 2] & 0xFF) << 8) | (dimBytes[4 * i + 3] & 0xFF);
            if (dims[i] <= 0) {
                throw new IdxFormatException(file, "has size " + dims[i] + " in header dimension " + i
                        + "; expected every dimension to be positive");
            }
            expected *= dims[i];
            if (expected > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(file, "declares dimensions whose product exceeds 2^31 bytes;"
                        + " expected an array small enough to hold in memory");
            }
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new IdxFormatException(file, "is truncated: expected " + expected
                    + " data bytes after the header, found " + data.length);
        }
        long trailing = in.transferTo(OutputStream.nullOutputStream());
        if (trailing > 0) {
            throw new IdxFormatException(file, "has " + trailing + " trailing bytes: expected exactly " + expected
                    + " data bytes after the header for dimensions " + Arrays.toString(dims));
        }
        return new IdxArray(dims, data);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "not an IDX type";
        };
    }
}
