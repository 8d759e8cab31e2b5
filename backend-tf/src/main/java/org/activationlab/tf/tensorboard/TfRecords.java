package org.activationlab.tf.tensorboard;

import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's TFRecord framing, which event files use: per record the payload length (uint64), a masked CRC-32C
 * of the length, the payload and a masked CRC-32C of the payload, all little-endian.
 */
final class TfRecords {

    private TfRecords() {
    }

    /** TensorFlow's mask: rotate right by 15 bits and add a constant, so CRCs of CRCs stay well distributed. */
    static int maskedCrc(byte[] data, int offset, int length) {
        int crc = Hashing.crc32c().hashBytes(data, offset, length).asInt();
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    static void write(OutputStream out, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(payload.length);
        header.putInt(maskedCrc(header.array(), 0, 8));
        out.write(header.array());
        out.write(payload);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(maskedCrc(payload, 0, payload.length))
                .array());
    }

    /**
     * Every record of the stream.
     *
     * @throws IOException if a record is truncated or a CRC does not match
     */
    static List<byte[]> readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        ByteBuffer b = ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> records = new ArrayList<>();
        while (b.hasRemaining()) {
            if (b.remaining() < 12) {
                throw new IOException("truncated record header at byte " + b.position());
            }
            int start = b.position();
            long length = b.getLong();
            if (b.getInt() != maskedCrc(b.array(), start, 8)) {
                throw new IOException("length CRC mismatch at byte " + start);
            }
            if (length < 0 || length > b.remaining() - 4) {
                throw new IOException("truncated record at byte " + start);
            }
            byte[] payload = new byte[(int) length];
            b.get(payload);
            if (b.getInt() != maskedCrc(payload, 0, payload.length)) {
                throw new IOException("payload CRC mismatch at byte " + start);
            }
            records.add(payload);
        }
        return records;
    }
}
