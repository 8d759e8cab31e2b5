package org.activationlab.tf.tensorboard;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * Writes one TensorBoard event file, {@code events.out.tfevents.<seconds>.<host>}, into a run's folder: TFRecord
 * framing of {@link Event} protos, the first holding the file version, then one scalar summary per value.
 * TensorBoard shows each folder under its log directory as one run.
 */
public final class EventFileWriter implements Closeable {

    private final Path file;
    private final OutputStream out;

    /** Creates the run folder if needed and a new event file in it. */
    public EventFileWriter(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        long now = System.currentTimeMillis();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        // seconds and a nanosecond suffix: two writers started within a second get two files
        this.file = runDir.resolve(String.format(Locale.ROOT, "events.out.tfevents.%d.%s.%d", now / 1000, host,
                System.nanoTime() % 1_000_000));
        this.out = new BufferedOutputStream(Files.newOutputStream(file));
        write(Event.newBuilder().setWallTime(now / 1000.0).setFileVersion("brain.Event:2").build());
    }

    /** The event file. */
    public Path file() {
        return file;
    }

    /** One scalar, e.g. {@code scalar("loss/train", 3, 0.12)}. */
    public void scalar(String tag, long step, double value) throws IOException {
        Summary summary = Summary.newBuilder().addValue(Summary.Value.newBuilder().setTag(tag)
                .setSimpleValue((float) value)).build();
        write(Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0).setStep(step).setSummary(summary)
                .build());
    }

    private void write(Event event) throws IOException {
        TfRecords.write(out, event.toByteArray());
    }

    /** Makes everything written so far visible to TensorBoard. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
