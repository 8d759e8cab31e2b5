package org.activationlab.data.cifar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.DatasetFormatException;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.TrainTest;
import org.activationlab.data.archive.TarExtractor;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.download.RemoteFile;
import org.activationlab.data.testing.TarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10BinaryTest {

    private static final List<String> CLASSES = Cifar10.CLASS_NAMES;

    @TempDir
    Path tmp;

    /** A distinct byte for every (record, channel, row, column), so that any layout mix-up shows. */
    private static int pixel(int record, int channel, int row, int column) {
        return (record * 101 + channel * 67 + row * 7 + column * 3) & 0xFF;
    }

    /** Records in the canonical layout: label, then the red, green and blue 32x32 planes, row-major. */
    private static byte[] batch(int firstRecord, int... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < labels.length; r++) {
            out.write(labels[r]);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        out.write(pixel(firstRecord + r, c, y, x));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    @Test
    void readsRecordsIntoHeightWidthChannelLayout() throws IOException {
        Path file = write("data_batch_1.bin", batch(0, 3, 9));

        Dataset d = Cifar10Binary.read(List.of(file), "toy", CLASSES, "crafted");

        assertEquals(2, d.size());
        assertArrayEquals(new int[] {32, 32, 3}, d.sampleShape());
        assertArrayEquals(new int[] {3, 9}, d.labels());
        assertEquals(CLASSES, d.classNames());
        assertEquals("crafted", d.source());
        float[] f = d.features();
        for (int r = 0; r < 2; r++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(pixel(r, c, y, x) / 255f, f[((r * 32 + y) * 32 + x) * 3 + c],
                                "record " + r + " row " + y + " column " + x + " channel " + c);
                    }
                }
            }
        }
    }

    @Test
    void concatenatesBatchesInOrder() throws IOException {
        Path first = write("a.bin", batch(0, 1));
        Path second = write("b.bin", batch(1, 2, 0));

        Dataset d = Cifar10Binary.read(List.of(first, second), "toy", CLASSES, "crafted");

        assertArrayEquals(new int[] {1, 2, 0}, d.labels());
        assertEquals(pixel(2, 1, 0, 0) / 255f, d.features()[2 * 3072 + 1]);
    }

    @Test
    void rejectsTruncatedAndWrongSizedFiles() throws IOException {
        byte[] two = batch(0, 1, 2);
        Path truncated = write("truncated.bin", Arrays.copyOf(two, two.length - 1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Cifar10Binary.read(List.of(truncated), "toy", CLASSES, "crafted"));
        assertEquals("file " + truncated + " is truncated or not a CIFAR-10 batch: 6,145 bytes is not a positive"
                + " multiple of 3,073 (1 label byte + 3,072 pixel bytes)", e.getMessage());
        assertEquals(truncated, e.file());

        Path small = write("small.bin", new byte[100]);
        Path good = write("good.bin", two);
        e = assertThrows(DatasetFormatException.class,
                () -> Cifar10Binary.read(List.of(good, small), "toy", CLASSES, "crafted"));
        assertTrue(e.getMessage().startsWith("file " + small + " is truncated or not a CIFAR-10 batch: 100 bytes"),
                e.getMessage());

        Path empty = write("empty.bin", new byte[0]);
        e = assertThrows(DatasetFormatException.class,
                () -> Cifar10Binary.read(List.of(empty), "toy", CLASSES, "crafted"));
        assertTrue(e.getMessage().contains(": 0 bytes is not a positive multiple of 3,073"), e.getMessage());
    }

    @Test
    void rejectsLabelsOutsideTheClasses() throws IOException {
        Path file = write("bad.bin", batch(0, 4, 10));

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Cifar10Binary.read(List.of(file), "toy", CLASSES, "crafted"));

        assertTrue(e.getMessage().startsWith("file " + file + " has label 10 in record 1 (byte offset 3073);"
                + " expected a value in [0, 10)"), e.getMessage());
    }

    @Test
    void rejectsMissingBatchFiles() throws IOException {
        Path good = write("data_batch_1.bin", batch(0, 1));
        Path missing = tmp.resolve("data_batch_2.bin");

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> Cifar10Binary.read(List.of(good, missing), "toy", CLASSES, "crafted"));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such CIFAR-10 batch file; expected data_batch_1.bin, data_batch_2.bin"
                + " in " + tmp), e.getMessage());
    }

    @Test
    void loadsABinaryArchiveThroughTheMirrorCacheAndExtraction() throws Exception {
        Path mirror = tmp.resolve("mirror");
        TarFiles tar = new TarFiles().dir(Cifar10.BATCHES_FOLDER)
                .file(Cifar10.BATCHES_FOLDER + "/batches.meta.txt", String.join("\n", CLASSES).getBytes(UTF_8));
        for (int i = 1; i <= 5; i++) {
            tar.file(Cifar10.BATCHES_FOLDER + "/data_batch_" + i + ".bin", batch(i, i));
        }
        Path archiveFile = tar.file(Cifar10.BATCHES_FOLDER + "/test_batch.bin", batch(0, 0, 9))
                .writeTarGz(mirror.resolve(Cifar10.BINARY_ARCHIVE.mirrorPath()));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(archiveFile)));
        // The real archive's layout and names, with the crafted archive's checksum.
        RemoteFile standIn = RemoteFile.archive(Cifar10.DATASET, Cifar10.BINARY_ARCHIVE.fileName(),
                Cifar10.BINARY_ARCHIVE.mirrorPath(), Cifar10.CANONICAL_URL, sha256);
        DatasetResolver resolver = DatasetResolver.create(tmp.resolve("cache"), mirror.toUri().toString());

        TrainTest data = Cifar10.loadBinary(resolver, standIn);

        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, data.train().labels());
        assertArrayEquals(new int[] {0, 9}, data.test().labels());
        assertEquals(pixel(3, 2, 31, 30) / 255f, data.train().features()[2 * 3072 + (31 * 32 + 30) * 3 + 2]);
        Path extracted = resolver.extractionPath(standIn);
        assertEquals("CIFAR-10 (canonical binary cifar-10-binary.tar.gz, sha256-verified " + sha256
                + ")", data.train().source());
        assertTrue(Files.isRegularFile(extracted.resolve(TarExtractor.MARKER)));
    }

    @Test
    void readsTheCanonicalBatchFolder() throws IOException {
        Path dir = tmp.resolve(Cifar10.BATCHES_FOLDER);
        for (int i = 1; i <= 5; i++) {
            write(Cifar10.BATCHES_FOLDER + "/data_batch_" + i + ".bin", batch(i, i, 9 - i));
        }
        write(Cifar10.BATCHES_FOLDER + "/test_batch.bin", batch(0, 7));

        TrainTest data = Cifar10.readBatches(dir, "crafted");

        assertEquals("cifar10-train", data.train().name());
        assertEquals("cifar10-test", data.test().name());
        assertArrayEquals(new int[] {1, 8, 2, 7, 3, 6, 4, 5, 5, 4}, data.train().labels());
        assertArrayEquals(new int[] {7}, data.test().labels());
        assertEquals(Cifar10.CLASS_NAMES, data.test().classNames());

        Files.delete(dir.resolve("test_batch.bin"));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> Cifar10.readBatches(dir, "crafted"));
        assertTrue(e.getMessage().contains("test_batch.bin"), e.getMessage());
    }
}
