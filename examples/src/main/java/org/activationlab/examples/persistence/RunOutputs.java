package org.activationlab.examples.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.saving.Checkpoint;
import org.activationlab.tf.saving.Checkpointer;
import org.activationlab.tf.saving.ModelInfo;
import org.activationlab.tf.saving.ModelStore;
import org.activationlab.tf.tensorboard.TensorBoardLogger;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;

/**
 * What one run of a study writes besides its record: per-epoch checkpoints (and, with resume, continuing from the
 * newest), TensorBoard scalars and the saved model. An experiment calls {@link #attach} before {@code fit} and
 * {@link #finish} after its test evaluation; the study calls {@link #recordWritten} once the record is on disk.
 * Failures to write are {@link UncheckedIOException}s whose cause says which file.
 */
public final class RunOutputs {

    private static final RunOutputs NONE = new RunOutputs(null, null, null, null, 0, false, "", line -> { });

    private final Path savedModel;
    private final Path tensorboardRun;
    private final Path checkpoints;
    private final Path checkpointRoot;
    private final int keepCheckpoints;
    private final boolean resume;
    private final String tag;
    private final Consumer<String> log;
    private TensorBoardLogger tensorboard;

    /**
     * @param savedModel where to save the trained model, or {@code null}
     * @param tensorboardRun the run's TensorBoard folder, or {@code null}
     * @param checkpoints the run's checkpoint folder, or {@code null} for none
     * @param checkpointRoot the folder of all runs' checkpoint folders, removed with them once empty
     * @param keepCheckpoints how many of the newest checkpoints to keep while the run trains
     * @param resume continue from the newest checkpoint with this tag, if there is one
     * @param tag the run's settings; checkpoints of other settings are never resumed
     * @param log receives what happened, one line each
     */
    RunOutputs(Path savedModel, Path tensorboardRun, Path checkpoints, Path checkpointRoot, int keepCheckpoints,
            boolean resume, String tag, Consumer<String> log) {
        this.savedModel = savedModel;
        this.tensorboardRun = tensorboardRun;
        this.checkpoints = checkpoints;
        this.checkpointRoot = checkpointRoot;
        this.keepCheckpoints = keepCheckpoints;
        this.resume = resume;
        this.tag = tag;
        this.log = log;
    }

    /** Writes nothing: for runs outside a study, and experiments without persistence. */
    public static RunOutputs none() {
        return NONE;
    }

    /**
     * Adds the checkpoint and TensorBoard callbacks to {@code options}; when resuming and a checkpoint of this run
     * exists, restores it into {@code model} and continues after its epoch.
     */
    public FitOptions.Builder attach(CompiledModel model, ModelInfo info, FitOptions.Builder options) {
        try {
            History previous = null;
            if (checkpoints != null) {
                Optional<Checkpoint> latest = resume ? Checkpointer.latest(checkpoints, tag) : Optional.empty();
                if (latest.isPresent()) {
                    Checkpoint c = latest.get();
                    c.restore(model);
                    previous = c.history();
                    options.resumeFrom(previous);
                    log.accept("activation-lab: resuming from checkpoint " + c.dir() + ": epochs 1-" + c.epoch()
                            + " done, continuing from epoch " + (c.epoch() + 1));
                } else {
                    // a new run: checkpoints of other settings (or an interrupted run not resumed) are stale
                    Checkpointer.clear(checkpoints);
                }
                options.callback(new Checkpointer(model, info, checkpoints, keepCheckpoints, tag, previous));
            }
            if (tensorboardRun != null) {
                if (previous == null) {
                    // a run starting afresh: events of an earlier run in its folder would mix with its own
                    deleteEventFiles(tensorboardRun);
                }
                tensorboard = new TensorBoardLogger(tensorboardRun, model.config().optimizer().learningRate());
                options.callback(tensorboard);
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the test metrics to TensorBoard and saves the model, after the run's final evaluation. */
    public void finish(CompiledModel model, ModelInfo info, Evaluation test, int epochs) {
        try {
            if (tensorboard != null) {
                tensorboard.test(test, epochs);
                tensorboard.close();
                log.accept("activation-lab: TensorBoard events in " + tensorboard.file());
            }
            if (savedModel != null) {
                ModelStore.save(model, info, savedModel, false);
                log.accept("activation-lab: saved the model to " + savedModel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteEventFiles(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (var files = Files.list(runDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).toList()) {
                Files.delete(f);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Removes the run's checkpoints: its record now holds everything they were kept for. */
    public void recordWritten() {
        if (checkpoints == null) {
            return;
        }
        try {
            Checkpointer.clear(checkpoints);
            for (Path p = checkpoints.getParent(); p != null && p.startsWith(checkpointRoot) && isEmpty(p);
                    p = p.getParent()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
