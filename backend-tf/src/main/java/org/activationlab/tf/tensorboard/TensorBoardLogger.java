package org.activationlab.tf.tensorboard;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.callbacks.TrainingControl;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.probes.ProbeStats;
import org.activationlab.tf.training.EpochStats;

/**
 * A {@link Callback} writing one run's TensorBoard scalars, the epoch as the step: {@code loss/train},
 * {@code accuracy/train}, {@code loss/validation} and {@code accuracy/validation} (when validated),
 * {@code learning_rate}, with probes {@code probe/loss} and {@code gradient_norm/<tensor>} (epoch 0 is the
 * initialisation), and {@link #test} writes {@code loss/test} and {@code accuracy/test} at the end.
 */
public final class TensorBoardLogger implements Callback, Closeable {

    private final EventFileWriter writer;

    /** @param runDir the run's folder under the TensorBoard log directory */
    public TensorBoardLogger(Path runDir) throws IOException {
        this.writer = new EventFileWriter(runDir);
    }

    @Override
    public void onEpochEnd(EpochStats stats, TrainingControl control) {
        try {
            writer.scalar("loss/train", stats.epoch(), stats.trainLoss());
            writer.scalar("accuracy/train", stats.epoch(), stats.trainAccuracy());
            if (!Double.isNaN(stats.valLoss())) {
                writer.scalar("loss/validation", stats.epoch(), stats.valLoss());
                writer.scalar("accuracy/validation", stats.epoch(), stats.valAccuracy());
            }
            if (Double.isFinite(stats.learningRate())) {
                writer.scalar("learning_rate", stats.epoch(), stats.learningRate());
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TensorBoard events to " + writer.file(), e);
        }
    }

    @Override
    public void onProbe(ProbeStats probe) {
        try {
            writer.scalar("probe/loss", probe.epoch(), probe.loss());
            for (Map.Entry<String, Double> e : probe.gradientNorms().entrySet()) {
                writer.scalar("gradient_norm/" + e.getKey(), probe.epoch(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TensorBoard events to " + writer.file(), e);
        }
    }

    /** The final test metrics, at step {@code epoch} (the number of epochs trained). */
    public void test(Evaluation test, int epoch) throws IOException {
        writer.scalar("loss/test", epoch, test.loss());
        writer.scalar("accuracy/test", epoch, test.accuracy());
        writer.flush();
    }

    /** The event file being written. */
    public Path file() {
        return writer.file();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
