package org.activationlab.tf.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.activationlab.tf.training.EpochStats;

/**
 * One CSV row per epoch, with Keras's {@code CSVLogger} columns: {@code epoch} (0-based, as Keras writes it), then
 * the logged quantities in sorted order, {@code accuracy,loss} and, with a validation set,
 * {@code val_accuracy,val_loss}. Each row is flushed when written, so the file is readable during training. With
 * {@code append} an existing file gets more rows and no second header.
 */
public final class CsvLogger implements Callback {

    private final Path file;
    private final boolean append;
    private BufferedWriter out;

    /** Logs to {@code file}, replacing it, or adding rows to it with {@code append}. */
    public CsvLogger(Path file, boolean append) {
        if (file == null) {
            throw new IllegalArgumentException("CsvLogger file must not be null");
        }
        this.file = file;
        this.append = append;
    }

    @Override
    public void onEpochEnd(EpochStats stats, TrainingControl control) {
        boolean validation = !Double.isNaN(stats.valLoss());
        try {
            if (out == null) {
                boolean header = !append || !Files.exists(file) || Files.size(file) == 0;
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                if (header) {
                    out.write(validation ? "epoch,accuracy,loss,val_accuracy,val_loss" : "epoch,accuracy,loss");
                    out.newLine();
                }
            }
            String row = (stats.epoch() - 1) + "," + stats.trainAccuracy() + "," + stats.trainLoss();
            out.write(validation ? row + "," + stats.valAccuracy() + "," + stats.valLoss() : row);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTrainEnd() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the training log " + file + ": " + e.getMessage(), e);
        } finally {
            out = null;
        }
    }
}
