package org.activationlab.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files byte by byte for tests. */
public final class IdxFiles {

    private IdxFiles() {
    }

    /** Header with the given type code and dimensions, followed by {@code data}. */
    public static byte[] idx(int typeCode, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
        for (int dim : dims) {
            buffer.putInt(dim);
        }
        buffer.put(data);
        return buffer.array();
    }

    /** A well-formed unsigned-byte IDX file with data 0, 1, 2, ... (mod 256). */
    public static byte[] ubyte(int... dims) {
        int size = 1;
        for (int dim : dims) {
            size *= dim;
        }
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) i;
        }
        return idx(0x08, dims, data);
    }

    /** A label file holding {@code labels}. */
    public static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(0x08, new int[] {labels.length}, data);
    }

    public static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }
}
