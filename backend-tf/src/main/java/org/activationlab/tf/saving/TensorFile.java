package org.activationlab.tf.saving;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Named float32 tensors in one binary file: the magic {@code ALTENSOR}, a format version, the tensor count, then
 * per tensor its name (modified UTF-8), rank, dimensions and values (big-endian, as {@link DataOutputStream}
 * writes), and a CRC-32 of everything before it, so a truncated or corrupted file is refused rather than loaded.
 */
final class TensorFile {

    private static final long MAGIC = 0x414c54454e534f52L; // "ALTENSOR"
    static final int VERSION = 1;

    /** One tensor: its shape and row-major values. */
    record Tensor(long[] shape, float[] values) {
    }

    private TensorFile() {
    }

    static void write(Path file, Map<String, float[]> values, Map<String, long[]> shapes) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(values.size());
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                long[] shape = shapes.get(e.getKey());
                if (shape == null || Arrays.stream(shape).reduce(1, (a, b) -> a * b) != e.getValue().length) {
                    throw new IllegalArgumentException("tensor " + e.getKey() + " has " + e.getValue().length
                            + " values but shape " + Arrays.toString(shape));
                }
                out.writeUTF(e.getKey());
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float v : e.getValue()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
        }
    }

    /**
     * Reads every tensor of {@code file}.
     *
     * @throws IOException one line naming the file: missing, not a tensor file, another version, truncated or
     *     failing its checksum
     */
    static Map<String, Tensor> read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not an Activation Lab tensor file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has tensor format version " + version + "; this build reads version "
                        + VERSION + " only");
            }
            int count = in.readInt();
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
                for (int k = 0; k < values.length; k++) {
                    values[k] = in.readFloat();
                }
                out.put(name, new Tensor(shape, values));
            }
            long computed = checked.getChecksum().getValue();
            if (new DataInputStream(raw).readLong() != computed) {
                throw new IOException(file + " fails its checksum: the file is corrupted; save the model again");
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IOException(file + " is missing", e);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated; save the model again", e);
        }
    }
}
