package org.activationlab.data.idx;

import static org.activationlab.data.idx.IdxFiles.gzip;
import static org.activationlab.data.idx.IdxFiles.idx;
import static org.activationlab.data.idx.IdxFiles.labels;
import static org.activationlab.data.idx.IdxFiles.ubyte;
import static org.activationlab.data.idx.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.activationlab.data.Dataset;
import org.activationlab.data.DatasetNotFoundException;
import org.activationlab.data.TrainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private IdxFormatException readFails(byte[] content) throws IOException {
        Path file = write(dir.resolve("bad-idx"), content);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
        assertTrue(e.getMessage().startsWith("file " + file + " "), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void rawAndGzipParseToTheSameArrayRegardlessOfFileName() throws IOException {
        byte[] content = ubyte(3, 2, 4);
        Path raw = write(dir.resolve("a.gz"), content); // misleading name: detection is by content
        Path gz = write(dir.resolve("b"), gzip(content));

        IdxArray fromRaw = IdxReader.read(raw);
        IdxArray fromGz = IdxReader.read(gz);

        assertArrayEquals(new int[] {3, 2, 4}, fromRaw.dims());
        assertEquals(24, fromRaw.data().length);
        assertEquals(23, fromRaw.data()[23]);
        assertEquals(fromRaw, fromGz);
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        byte[] content = ubyte(2, 2);
        content[1] = 0x03;
        String message = readFails(content).getMessage();
        assertTrue(message.contains("is not an IDX file") && message.contains("0x00 0x03")
                && message.contains("expected 0x00 0x00"), message);
    }

    @Test
    void rejectsUnsupportedTypeCodeNamingIt() throws IOException {
        String message = readFails(idx(0x0D, new int[] {1}, new byte[4])).getMessage();
        assertTrue(message.contains("type code 0x0d (float)") && message.contains("expected 0x08 (unsigned byte)"),
                message);
    }

    @Test
    void rejectsBadDimensionCounts() throws IOException {
        assertTrue(readFails(idx(0x08, new int[0], new byte[0])).getMessage()
                .contains("declares 0 dimensions; expected 1 to 4"));
        assertTrue(readFails(idx(0x08, new int[] {1, 1, 1, 1, 1}, new byte[1])).getMessage()
                .contains("declares 5 dimensions; expected 1 to 4"));
    }

    @Test
    void rejectsNonPositiveDimension() throws IOException {
        String message = readFails(idx(0x08, new int[] {3, 0}, new byte[0])).getMessage();
        assertTrue(message.contains("size 0 in header dimension 1") && message.contains("positive"), message);
    }

    @Test
    void rejectsTruncatedDataWithExpectedAndFoundCounts() throws IOException {
        byte[] content = ubyte(10, 5);
        String message = readFails(Arrays.copyOf(content, content.length - 7)).getMessage();
        assertTrue(message.contains("is truncated: expected 50 data bytes after the header, found 43"), message);
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        assertTrue(readFails(new byte[] {0, 0}).getMessage().contains("is truncated"));
        byte[] content = ubyte(2, 2);
        assertTrue(readFails(Arrays.copyOf(content, 9)).getMessage()
                .contains("is truncated: expected 2 4-byte dimension sizes in the header, found 5 bytes"));
    }

    @Test
    void rejectsTrailingBytesInRawAndGzipFiles() throws IOException {
        byte[] content = Arrays.copyOf(ubyte(4), ubyte(4).length + 3);
        String message = readFails(content).getMessage();
        assertTrue(message.contains("has 3 trailing bytes: expected exactly 4 data bytes"), message);
        assertTrue(readFails(gzip(content)).getMessage().contains("has 3 trailing bytes"));
    }

    @Test
    void rejectsCutOffGzipStream() throws IOException {
        byte[] compressed = gzip(ubyte(100, 10));
        String message = readFails(Arrays.copyOf(compressed, compressed.length / 2)).getMessage();
        assertTrue(message.contains("corrupt or truncated gzip"), message);
    }

    @Test
    void readsImagesAndLabelsScaledToUnitInterval() throws IOException {
        byte[] pixels = new byte[2 * 2 * 3];
        pixels[0] = (byte) 255;
        pixels[1] = (byte) 51;
        Path images = write(dir.resolve("img"), gzip(idx(0x08, new int[] {2, 2, 3}, pixels)));
        Path labelFile = write(dir.resolve("lab"), labels(7, 2));

        Dataset d = IdxReader.readImagesAndLabels("tiny", images, labelFile, 10, "test source");

        assertEquals("tiny", d.name());
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {2, 3, 1}, d.sampleShape());
        assertArrayEquals(new int[] {7, 2}, d.labels());
        assertEquals(1.0f, d.features()[0]);
        assertEquals(0.2f, d.features()[1], 1e-7);
        assertEquals(0.0f, d.features()[2]);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        assertEquals("test source", d.source());
    }

    @Test
    void rejectsCountMismatchNamingBothFilesAndCounts() throws IOException {
        Path images = write(dir.resolve("img"), ubyte(3, 2, 2));
        Path labelFile = write(dir.resolve("lab"), labels(1, 2));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImagesAndLabels("x", images, labelFile, 10, "s"));
        String message = e.getMessage();
        assertTrue(message.contains(images.toString()) && message.contains(labelFile.toString())
                && message.contains("holds 3 images") && message.contains("holds 2 labels"), message);
    }

    @Test
    void rejectsWrongDimensionalityOfImagesOrLabels() throws IOException {
        Path flatImages = write(dir.resolve("flat"), ubyte(3, 4));
        Path images = write(dir.resolve("img"), ubyte(3, 2, 2));
        Path labelFile = write(dir.resolve("lab"), labels(1, 2, 3));
        Path matrixLabels = write(dir.resolve("lab2"), ubyte(3, 1));

        String m1 = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImagesAndLabels("x", flatImages, labelFile, 10, "s")).getMessage();
        assertTrue(m1.contains(flatImages.toString()) && m1.contains("has 2 dimensions [3, 4]")
                && m1.contains("expected 3"), m1);
        String m2 = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImagesAndLabels("x", images, matrixLabels, 10, "s")).getMessage();
        assertTrue(m2.contains(matrixLabels.toString()) && m2.contains("expected 1"), m2);
    }

    @Test
    void rejectsLabelOutOfRangeNamingFileIndexAndValue() throws IOException {
        Path images = write(dir.resolve("img"), ubyte(3, 2, 2));
        Path labelFile = write(dir.resolve("lab"), labels(1, 9, 200));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImagesAndLabels("x", images, labelFile, 10, "s"));
        assertTrue(e.getMessage().contains(labelFile.toString())
                && e.getMessage().contains("has label 200 at index 2; expected a value in [0, 10)"), e.getMessage());
    }

    @Test
    void readsStandardDirectoryWithMixedCompression() throws IOException {
        write(dir.resolve(IdxReader.TRAIN_IMAGES + ".gz"), gzip(ubyte(3, 2, 2)));
        write(dir.resolve(IdxReader.TRAIN_LABELS), labels(0, 1, 2));
        write(dir.resolve(IdxReader.TEST_IMAGES), ubyte(1, 2, 2));
        write(dir.resolve(IdxReader.TEST_LABELS + ".gz"), gzip(labels(4)));

        TrainTest data = IdxReader.readDirectory(dir, "toy", 5, "src");

        assertEquals("toy-train", data.train().name());
        assertEquals(3, data.train().size());
        assertEquals("toy-test", data.test().name());
        assertArrayEquals(new int[] {4}, data.test().labels());
        assertArrayEquals(new int[] {1, 1, 1, 0, 1}, data.all().classCounts());
    }

    @Test
    void missingStandardFileIsNamed() throws IOException {
        write(dir.resolve(IdxReader.TRAIN_IMAGES), ubyte(1, 2, 2));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> IdxReader.readDirectory(dir, "toy", 10, "src"));
        assertTrue(e.getMessage().contains(IdxReader.TRAIN_LABELS) && e.getMessage().contains(".gz"), e.getMessage());
    }
}
