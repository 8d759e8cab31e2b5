package org.activationlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    private static final int WIDTH = 4;
    private static final int HEIGHT = 3;

    @TempDir
    Path tmp;
    Path root;

    /** A distinct RGB value per (seed, row, column, channel). */
    private static int value(int seed, int y, int x, int c) {
        return (seed * 50 + y * 60 + x * 20 + c * 70) & 0xFF;
    }

    private static BufferedImage rgb(int seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (value(seed, y, x, 0) << 16) | (value(seed, y, x, 1) << 8) | value(seed, y, x, 2));
            }
        }
        return image;
    }

    /** One colour everywhere, which JPEG reproduces almost exactly. */
    private static BufferedImage uniform(int r, int g, int b) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private Path write(String relative, BufferedImage image) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("jpeg", "jpg");
        assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
        return file;
    }

    /** Sorted classes: ant (0), cat (1); samples ordered by class, then file name. */
    @BeforeEach
    void writeTree() throws IOException {
        root = tmp.resolve("pets");
        write("train/cat/b.JPG", uniform(200, 40, 10));
        write("train/cat/a.png", rgb(1, WIDTH, HEIGHT));
        write("train/ant/c.png", rgb(2, WIDTH, HEIGHT));
        write("test/ant/d.jpeg", uniform(10, 220, 90));
        write("test/cat/e.png", rgb(3, WIDTH, HEIGHT));
        Files.writeString(root.resolve("train/cat/.DS_Store"), "hidden files are ignored");
    }

    private static void assertPixelsExact(Dataset d, int sample, int seed) {
        float[] f = d.features();
        int base = sample * d.sampleSize();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(value(seed, y, x, c) / 255f, f[base + (y * WIDTH + x) * 3 + c],
                            "sample " + sample + " row " + y + " column " + x + " channel " + c);
                }
            }
        }
    }

    private static void assertUniformWithin(Dataset d, int sample, int r, int g, int b, int tolerance) {
        float[] f = d.features();
        int[] rgb = {r, g, b};
        for (int i = 0; i < d.sampleSize(); i++) {
            float actual = f[sample * d.sampleSize() + i] * 255;
            assertTrue(Math.abs(actual - rgb[i % 3]) <= tolerance,
                    "sample " + sample + " value " + i + ": " + actual + " vs " + rgb[i % 3]);
        }
    }

    @Test
    void loadsPngAndJpegWithSortedClasses() throws IOException {
        TrainTest data = ImageFolder.load(root, "pets", "generated");

        Dataset train = data.train();
        assertEquals("pets-train", train.name());
        assertEquals("pets-test", data.test().name());
        assertEquals(List.of("ant", "cat"), train.classNames());
        assertArrayEquals(new int[] {HEIGHT, WIDTH, 3}, train.sampleShape());
        assertArrayEquals(new int[] {0, 1, 1}, train.labels());
        assertArrayEquals(new int[] {0, 1}, data.test().labels());
        assertPixelsExact(train, 0, 2);
        assertPixelsExact(train, 1, 1);
        assertUniformWithin(train, 2, 200, 40, 10, 3);
        assertUniformWithin(data.test(), 0, 10, 220, 90, 3);
        assertPixelsExact(data.test(), 1, 3);
        assertEquals("generated", train.source());
    }

    @Test
    void givenClassOrderDefinesTheLabels() throws IOException {
        TrainTest data = ImageFolder.load(root, List.of("cat", "ant"), "pets", "generated");

        assertEquals(List.of("cat", "ant"), data.train().classNames());
        assertArrayEquals(new int[] {0, 0, 1}, data.train().labels());
        assertPixelsExact(data.train(), 0, 1);
        assertPixelsExact(data.train(), 2, 2);
        assertArrayEquals(new int[] {0, 1}, data.test().labels(), "test: cat's e.png first, then ant's d.jpeg");
        assertPixelsExact(data.test(), 0, 3);
    }

    @Test
    void classListMustMatchTheFolders() {
        IOException missing = assertThrows(IOException.class,
                () -> ImageFolder.load(root, List.of("ant", "cat", "dog"), "pets", "generated"));
        assertTrue(missing.getMessage().contains("class 'dog' has no folder in " + root.resolve("train")),
                missing.getMessage());

        IOException extra = assertThrows(IOException.class,
                () -> ImageFolder.load(root, List.of("cat"), "pets", "generated"));
        assertTrue(extra.getMessage().contains(root.resolve("train/ant") + " is not in the class list [cat]"),
                extra.getMessage());
    }

    @Test
    void greyImagesAreExpandedToRgb() throws IOException {
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                grey.getRaster().setSample(x, y, 0, 17 * (y * WIDTH + x));
            }
        }
        write("train/ant/z.png", grey);

        Dataset train = ImageFolder.load(root, "pets", "generated").train();

        float[] f = train.features();
        int base = train.sampleSize(); // z.png is the ant class's second image
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(17 * p / 255f, f[base + 3 * p + c], "pixel " + p + " channel " + c);
            }
        }
    }

    @Test
    void paletteImagesUseTheirPaletteColours() throws IOException {
        byte[] reds = {(byte) 255, 0};
        byte[] greens = {0, (byte) 128};
        byte[] blues = {0, 7};
        BufferedImage indexed = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 2, reds, greens, blues));
        indexed.getRaster().setSample(1, 0, 0, 1);
        write("train/ant/z.png", indexed);

        float[] f = ImageFolder.load(root, "pets", "generated").train().features();

        int base = WIDTH * HEIGHT * 3;
        assertArrayEquals(new float[] {1, 0, 0, 0, 128 / 255f, 7 / 255f}, Arrays.copyOfRange(f, base, base + 6));
    }

    @Test
    void imagesOfAnotherSizeAreRejectedNamingBothSizes() throws IOException {
        Path odd = write("test/cat/f.png", rgb(4, WIDTH + 1, HEIGHT));

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ImageFolder.load(root, "pets", "generated"));

        assertEquals("file " + odd + " is 5x3 pixels (width x height) but " + root.resolve("train/ant/c.png")
                + ", the first training image, is 4x3; all images of an image folder must have the same size",
                e.getMessage());
    }

    @Test
    void transparentImagesAndOtherFilesAreRejected() throws IOException {
        Path alpha = write("train/cat/t.png", new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ImageFolder.load(root, "pets", "generated"));
        assertTrue(e.getMessage().startsWith("file " + alpha + " has an alpha (transparency) channel"), e.getMessage());
        Files.delete(alpha);

        Path notes = Files.writeString(root.resolve("train/cat/notes.txt"), "not an image");
        e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root, "pets", "generated"));
        assertTrue(e.getMessage().startsWith("file " + notes + " is not a .jpg, .jpeg or .png image"), e.getMessage());
        Files.delete(notes);

        Path broken = Files.writeString(root.resolve("train/cat/broken.png"), "not really a PNG");
        e = assertThrows(DatasetFormatException.class, () -> ImageFolder.load(root, "pets", "generated"));
        assertEquals(broken, e.file());
    }

    @Test
    void missingSplitsAreExplained() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> ImageFolder.load(empty, "x", "generated"));
        assertTrue(e.getMessage().contains("has no train/ and test/ folders; expected " + empty + "/train/<class>/"),
                e.getMessage());
    }

    @Test
    void opensFoldersAndTarGzArchivesThroughDatasets() throws IOException {
        DatasetResolver resolver = DatasetResolver.create(tmp.resolve("cache"), null);
        TrainTest fromDir = Datasets.openImages("folder:" + root, resolver);
        assertEquals("pets-train", fromDir.train().name());
        assertEquals("image folder " + root.getFileName() + " (not checksum-verified)", fromDir.train().source(),
                "a source names the data, not where it lies on a disk");

        // A single top-level folder in the archive, as in cifar10-jpeg.tar.gz, is looked through.
        Path archive = new TarFiles().tree(root, "pets/").writeTarGz(tmp.resolve("archives/my-pets.tar.gz"));
        TrainTest fromArchive = Datasets.openImages("folder:" + archive, resolver);

        assertEquals("my-pets-train", fromArchive.train().name());
        assertArrayEquals(fromDir.train().features(), fromArchive.train().features());
        assertArrayEquals(fromDir.test().labels(), fromArchive.test().labels());
        String sha256 = DatasetResolver.sha256(archive);
        Path extracted = resolver.cacheDir().resolve("image-folders/my-pets-" + sha256.substring(0, 12));
        assertEquals("image-folder archive " + archive.getFileName() + " (sha256 " + sha256 + ", not verified against a"
                + " published checksum)", fromArchive.train().source());
        assertTrue(Files.isRegularFile(extracted.resolve("pets/train/ant/c.png")));
    }
}
