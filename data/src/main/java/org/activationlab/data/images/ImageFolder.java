package org.activationlab.data.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.activationlab.data.DataLog;
import org.activationlab.data.Dataset;
import org.activationlab.data.DatasetException;
import org.activationlab.data.DatasetFormatException;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.TrainTest;
import org.activationlab.data.archive.ExtractionLimits;
import org.activationlab.data.archive.TarExtractor;
import org.activationlab.data.cache.CacheFolders;
import org.activationlab.data.cache.Checksums;
import org.activationlab.data.cifar.Cifar10;

/**
 * Loads an image-folder dataset: {@code <root>/train/<class>/<image>} and
 * {@code <root>/test/<class>/<image>}, the label of an image being the index of its class folder's
 * name in the class list. A root that holds a single top-level folder with {@code train/} and
 * {@code test/} (as extracted archives often do, e.g. {@code cifar10-jpeg/}) is looked through.
 *
 * <p>Rules, chosen so that a malformed tree fails loudly rather than yielding a quietly different
 * dataset:
 * <ul>
 *   <li>Images are {@code .jpg}, {@code .jpeg} or {@code .png} files (extension case-insensitive).
 *       Hidden files (name starting with {@code .}) are ignored; any other file, and any folder
 *       inside a class folder, is rejected.</li>
 *   <li>All images, in both splits, must have the same width and height.</li>
 *   <li>Samples have shape {@code [height, width, 3]}, RGB in [0, 1], the stored sample values
 *       scaled by their bit depth (no colour management, as in other frameworks' loaders).
 *       Greyscale images are expanded to RGB (R = G = B); images with an alpha channel are rejected,
 *       since dropping transparency silently would change what the image shows.</li>
 *   <li>Class order is given, or else the sorted names of the class folders in {@code train/}.
 *       Every class folder in either split must be one of the classes, and every class must have a
 *       folder in {@code train/}; a class may be missing from {@code test/}.</li>
 *   <li>Each split must hold at least one image.</li>
 *   <li>Samples are ordered by class, then by file name; shuffle before training.</li>
 * </ul>
 * Images are decoded in parallel, one ImageIO decoder per image, on as many threads as there are
 * processors.
 */
public final class ImageFolder {

    /** Name of the training split's folder. */
    public static final String TRAIN = "train";
    /** Name of the test split's folder. */
    public static final String TEST = "test";
    /** Folder under the resolver's cache into which {@link #loadArchive} extracts archives. */
    public static final String CACHE_FOLDER = "image-folders";

    private static final int CHANNELS = 3;
    private static final int CHUNK = 256;
    private static final float[] BYTE_SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            BYTE_SCALE[i] = i / 255f;
        }
    }

    private ImageFolder() {
    }

    /**
     * Loads {@code root} with the classes in sorted folder-name order; see
     * {@link #load(Path, List, String, String)}.
     */
    public static TrainTest load(Path root, String name, String source) throws IOException {
        return load(root, null, name, source);
    }

    /**
     * Loads the image folder {@code root} into datasets named {@code "<name>-train"} and
     * {@code "<name>-test"}.
     *
     * @param classNames class order (label = index), or {@code null} for the sorted folder names
     * @param source provenance recorded in both datasets
     * @throws DatasetNotFoundException if {@code root} does not exist
     * @throws DatasetException if the tree does not follow the rules in the class description, naming the
     *     offending file or folder
     */
    public static TrainTest load(Path root, List<String> classNames, String name, String source)
            throws IOException {
        Layout layout = scan(root, classNames);
        Path tree = layout.tree();
        List<String> classes = layout.classes();
        List<Path> trainFiles = layout.trainFiles();
        List<Path> testFiles = layout.testFiles();
        long start = System.nanoTime();
        Path reference = trainFiles.get(0);
        BufferedImage first = decode(reference);
        Decoder decoder = new Decoder(reference, first.getWidth(), first.getHeight());
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "image-folder-decoder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int[] shape = {first.getHeight(), first.getWidth(), CHANNELS};
            Dataset train = new Dataset(name + "-" + TRAIN, decoder.decodeAll(trainFiles, pool),
                    toArray(layout.trainLabels()), shape, classes, source);
            Dataset test = new Dataset(name + "-" + TEST, decoder.decodeAll(testFiles, pool),
                    toArray(layout.testLabels()), shape, classes, source);
            DataLog.info(String.format(Locale.ROOT, "decoded %,d images from %s in %.1f s on %d threads",
                    train.size() + test.size(), tree, (System.nanoTime() - start) / 1e9, threads));
            return new TrainTest(train, test);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a model for the image folder {@code root} must fit, read without decoding every image:
     * the class names (sorted folder names of {@code train/}), the size of the first training image
     * (all must share it, as {@link #load} checks) and the image counts.
     *
     * @throws DatasetNotFoundException if {@code root} does not exist
     * @throws DatasetException if the tree does not follow the rules in the class description
     */
    public static ImageFolderInfo inspect(Path root) throws IOException {
        Layout layout = scan(root, null);
        BufferedImage first = decode(layout.trainFiles().get(0));
        return new ImageFolderInfo(layout.tree(), layout.classes(), first.getHeight(), first.getWidth(), CHANNELS,
                layout.trainFiles().size(), layout.testFiles().size());
    }

    /** The image files of a checked tree, in class then file-name order, with their labels. */
    private record Layout(Path tree, List<String> classes, List<Path> trainFiles, List<Integer> trainLabels,
                          List<Path> testFiles, List<Integer> testLabels) {
    }

    private static Layout scan(Path root, List<String> classNames) throws IOException {
        Path tree = treeRoot(root);
        Path trainDir = tree.resolve(TRAIN);
        Path testDir = tree.resolve(TEST);
        List<String> trainFolders = classFolders(trainDir);
        List<String> testFolders = classFolders(testDir);
        List<String> classes = classNames == null ? trainFolders : List.copyOf(classNames);
        checkClasses(classes, trainDir, trainFolders, testDir, testFolders, classNames != null);

        List<Path> trainFiles = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            collectImages(trainDir.resolve(classes.get(label)), label, trainFiles, trainLabels);
            if (testFolders.contains(classes.get(label))) {
                collectImages(testDir.resolve(classes.get(label)), label, testFiles, testLabels);
            }
        }
        if (testFiles.isEmpty()) {
            throw new DatasetException("image folder " + tree + " has no images in " + testDir + "; expected at least"
                    + " one class folder there with .jpg, .jpeg or .png files");
        }
        return new Layout(tree, classes, trainFiles, trainLabels, testFiles, testLabels);
    }

    /**
     * {@link #loadArchive(Path, List, Path, String, ExtractionLimits)} with the
     * {@linkplain ExtractionLimits#defaults() default extraction limits}.
     */
    public static TrainTest loadArchive(Path archive, List<String> classNames, Path cacheDir, String name)
            throws IOException {
        return loadArchive(archive, classNames, cacheDir, name, ExtractionLimits.defaults());
    }

    /**
     * Extracts the tar or tar.gz {@code archive} of an image folder into
     * {@code <cacheDir>/image-folders/<stem>-<first 12 hex digits of its SHA-256>/} (safely and
     * atomically with {@link TarExtractor}, within {@code limits}; a completed extraction is reused)
     * and loads it like {@link #load(Path, List, String, String)}. The source names the archive and
     * its SHA-256. If this call extracted the archive and its content is then rejected, the
     * extraction is removed again, so nothing of a bad archive stays in the cache.
     *
     * @param classNames class order (label = index), or {@code null} for the sorted folder names
     * @throws DatasetNotFoundException if {@code archive} does not exist
     * @throws DatasetException if it is no tar archive, breaks the limits, or holds no valid image folder
     */
    public static TrainTest loadArchive(Path archive, List<String> classNames, Path cacheDir, String name,
                                        ExtractionLimits limits) throws IOException {
        Path file = archive.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new DatasetNotFoundException("no such image-folder archive " + file + "; expected a .tar.gz (or .tar)"
                    + " of <root>/train/<class>/<image> and <root>/test/<class>/<image>");
        }
        String sha256 = Checksums.sha256(file);
        Path target = cacheDir.resolve(CACHE_FOLDER)
                .resolve(TarExtractor.folderName(String.valueOf(file.getFileName()), sha256));
        boolean fresh = !TarExtractor.isComplete(target);
        Path extracted = TarExtractor.extract(file, target, limits);
        String source = "image-folder archive " + file.getFileName() + " (sha256 " + sha256 + ", not verified against a"
                + " published checksum)"
                + (sha256.equals(Cifar10.JPEG_ARCHIVE.sha256()) ? "; this archive is " + Cifar10.JPEG_ARCHIVE.fileName()
                        + ", " + Cifar10.JPEG_NOTE : "");
        try {
            return load(extracted, classNames, name, source);
        } catch (DatasetException e) {
            if (fresh) {
                CacheFolders.deleteRecursively(extracted);
            }
            throw e;
        }
    }

    /** {@code root} itself if it has train/ and test/, else its single visible sub-folder that has them. */
    private static Path treeRoot(Path root) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new DatasetNotFoundException("no such image folder " + dir + "; expected a folder (or a .tar.gz of"
                    + " one) holding train/<class>/<image> and test/<class>/<image>");
        }
        if (hasSplits(dir)) {
            return dir;
        }
        List<Path> visible = visibleEntries(dir);
        if (visible.size() == 1 && hasSplits(visible.get(0))) {
            return visible.get(0);
        }
        throw new DatasetException("image folder " + dir + " has no " + TRAIN + "/ and " + TEST + "/ folders; expected "
                + dir + "/" + TRAIN + "/<class>/<image> and " + dir + "/" + TEST + "/<class>/<image> (JPEG or PNG),"
                + " or a single top-level folder holding them");
    }

    private static boolean hasSplits(Path dir) {
        return Files.isDirectory(dir.resolve(TRAIN)) && Files.isDirectory(dir.resolve(TEST));
    }

    private static List<Path> visibleEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<String> classFolders(Path splitDir) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path entry : visibleEntries(splitDir)) {
            if (!Files.isDirectory(entry)) {
                throw new DatasetException("image folder split " + splitDir + " holds the file " + entry.getFileName()
                        + "; expected only class folders (hidden files are ignored)");
            }
            names.add(entry.getFileName().toString());
        }
        return names;
    }

    private static void checkClasses(List<String> classes, Path trainDir, List<String> trainFolders, Path testDir,
                                     List<String> testFolders, boolean given) throws IOException {
        if (given && (classes.isEmpty() || new HashSet<>(classes).size() != classes.size())) {
            throw new IllegalArgumentException("class list " + classes + " must be non-empty without duplicates");
        }
        if (classes.isEmpty()) {
            throw new DatasetException("image folder split " + trainDir + " has no class folders; expected one folder"
                    + " per class");
        }
        for (String c : classes) {
            if (!trainFolders.contains(c)) {
                throw new DatasetException("class '" + c + "' has no folder in " + trainDir + " (its class folders are "
                        + trainFolders + ")");
            }
        }
        Set<String> known = new HashSet<>(classes);
        for (String folder : trainFolders) {
            if (!known.contains(folder)) {
                throw new DatasetException("class folder " + trainDir.resolve(folder) + " is not in the class list "
                        + classes + "; add it to the list or remove the folder");
            }
        }
        for (String folder : testFolders) {
            if (!known.contains(folder)) {
                throw new DatasetException("class folder " + testDir.resolve(folder) + " is not one of the classes "
                        + classes + (given ? "" : " found in " + trainDir));
            }
        }
    }

    private static void collectImages(Path classDir, int label, List<Path> files, List<Integer> labels)
            throws IOException {
        List<Path> entries = visibleEntries(classDir);
        if (entries.isEmpty()) {
            throw new DatasetException("class folder " + classDir + " holds no images; put its .jpg, .jpeg or .png"
                    + " images in it, or remove the folder");
        }
        for (Path entry : entries) {
            if (!Files.isRegularFile(entry)) {
                throw new DatasetException("image folder class " + classDir + " holds " + entry.getFileName()
                        + ", which is not a regular file; expected only images (no nested folders)");
            }
            String lower = entry.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".jpg") && !lower.endsWith(".jpeg") && !lower.endsWith(".png")) {
                throw new DatasetFormatException(entry, "is not a .jpg, .jpeg or .png image; image folders may"
                        + " hold only those (hidden files are ignored), so move or delete it");
            }
            files.add(entry);
            labels.add(label);
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static BufferedImage decode(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        BufferedImage image;
        // An in-memory stream: ImageIO.read(File) may spill to a temporary-file cache, which is slow
        // and would make every decoder thread touch the disk. ImageIO.read closes the stream itself.
        try {
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(file, "is not a readable JPEG or PNG image (" + e + ")");
        }
        if (image == null) {
            throw new DatasetFormatException(file, "is not in a format ImageIO can read; expected a JPEG or PNG image");
        }
        return image;
    }

    /** Decodes images of one size into NHWC floats, reporting the first failure in file order. */
    private static final class Decoder {

        private final Path reference;
        private final int width;
        private final int height;
        private final int sampleSize;

        Decoder(Path reference, int width, int height) {
            this.reference = reference;
            this.width = width;
            this.height = height;
            this.sampleSize = width * height * CHANNELS;
        }

        float[] decodeAll(List<Path> files, ExecutorService pool) throws IOException {
            float[] features = new float[Math.multiplyExact(files.size(), sampleSize)];
            // Chunks let threads share the work evenly; a chunk stops at its first failure, and chunks
            // after the earliest known failure are skipped, so the failure reported is always the
            // first bad file in order, whatever the thread timing.
            AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
            List<Future<IOException>> chunks = new ArrayList<>();
            for (int start = 0; start < files.size(); start += CHUNK) {
                int from = start;
                int to = Math.min(files.size(), start + CHUNK);
                chunks.add(pool.submit(() -> decodeRange(files, from, to, features, firstFailure)));
            }
            for (Future<IOException> chunk : chunks) {
                IOException failure;
                try {
                    failure = chunk.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while decoding images");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("image decoding failed unexpectedly", e.getCause());
                }
                if (failure != null) {
                    throw failure;
                }
            }
            return features;
        }

        private IOException decodeRange(List<Path> files, int from, int to, float[] features,
                                        AtomicInteger firstFailure) {
            for (int i = from; i < to && i < firstFailure.get(); i++) {
                try {
                    decodeInto(files.get(i), features, i * sampleSize);
                } catch (IOException e) {
                    firstFailure.accumulateAndGet(i, Math::min);
                    return e;
                }
            }
            return null;
        }

        private void decodeInto(Path file, float[] out, int offset) throws IOException {
            BufferedImage image = decode(file);
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new DatasetFormatException(file, "is " + image.getWidth() + "x" + image.getHeight()
                        + " pixels (width x height) but " + reference + ", the first training image, is " + width
                        + "x" + height + "; all images of an image folder must have the same size");
            }
            ColorModel model = image.getColorModel();
            if (model.hasAlpha()) {
                throw new DatasetFormatException(file, "has an alpha (transparency) channel; expected an opaque RGB"
                        + " or greyscale image (flatten it onto a background first)");
            }
            Raster raster = image.getRaster();
            int pixels = width * height;
            int colourSpace = model.getColorSpace().getType();
            if (model instanceof IndexColorModel) {
                // Palette images: the palette holds the colours as 8-bit sRGB, which getRGB returns unchanged.
                int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
                for (int p = 0, o = offset; p < pixels; p++) {
                    out[o++] = BYTE_SCALE[(argb[p] >> 16) & 0xFF];
                    out[o++] = BYTE_SCALE[(argb[p] >> 8) & 0xFF];
                    out[o++] = BYTE_SCALE[argb[p] & 0xFF];
                }
            } else if (colourSpace == ColorSpace.TYPE_RGB && raster.getNumBands() == CHANNELS) {
                // Raw samples in R, G, B band order, which is already the NHWC layout; not getRGB, which
                // would colour-convert.
                int[] samples = raster.getPixels(0, 0, width, height, (int[]) null);
                for (int i = 0; i < samples.length; i++) {
                    out[offset + i] = scale(samples[i], model.getComponentSize(i % CHANNELS));
                }
            } else if (colourSpace == ColorSpace.TYPE_GRAY && raster.getNumBands() == 1) {
                // Raw samples, not getRGB: Java treats grey as linear and would gamma-convert it.
                int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
                int bits = model.getComponentSize(0);
                for (int p = 0, o = offset; p < pixels; p++) {
                    float v = scale(samples[p], bits);
                    out[o++] = v;
                    out[o++] = v;
                    out[o++] = v;
                }
            } else {
                throw new DatasetFormatException(file, "has an unsupported colour model (" + raster.getNumBands()
                        + " channels, colour space type " + colourSpace + "); expected an RGB or greyscale image");
            }
        }

        private static float scale(int sample, int bits) {
            return bits == 8 ? BYTE_SCALE[sample] : sample / (float) ((1 << bits) - 1);
        }
    }
}
