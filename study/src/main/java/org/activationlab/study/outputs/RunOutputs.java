package org.activationlab.study.outputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
 * What one run of a study writes besides its record: per-epoch checkpoints (continuing from the newest one of the
 * same settings), TensorBoard scalars and the saved model. {@link org.activationlab.study.RunContext} drives it:
 * {@link #restore} when the model is compiled, {@link #attach} to the fit options, {@link #finish} when the record
 * is built; the study runner calls {@link #recordWritten} once the record is on disk. Failures to write are
 * {@link UncheckedIOException}s whose message names the file.
 */
public final class RunOutputs {

    private static final RunOutputs NONE = new RunOutputs(null, null, null, 1, false, "", line -> { });

    private final Path savedModel;
    private final Path tensorboardRun;
    private final Path checkpoints;
    private final int keepCheckpoints;
    private final boolean resume;
    private final String tag;
    private final Consumer<String> log;
    private CompiledModel model;
    private ModelInfo info;
    private History previous;
    private TensorBoardLogger tensorboard;
    private boolean attached;

    RunOutputs(Path savedModel, Path tensorboardRun, Path checkpoints, int keepCheckpoints, boolean resume,
            String tag, Consumer<String> log) {
        this.savedModel = savedModel;
        this.tensorboardRun = tensorboardRun;
        this.checkpoints = checkpoints;
        this.keepCheckpoints = keepCheckpoints;
        this.resume = resume;
        this.tag = tag;
        this.log = log;
    }

    /** Writes nothing: for runs outside a study. */
    public static RunOutputs none() {
        return NONE;
    }

    /**
     * Takes {@code compiled} as the run's model; when resuming and a checkpoint of this run's settings exists,
     * restores its weights, buffers, optimizer state and step into it, and logs from which epoch training continues.
     * Otherwise stale checkpoints of the run (other settings, or an interrupted run re-run with --overwrite) are
     * removed.
     */
    public void restore(CompiledModel compiled, ModelInfo modelInfo) {
        if (this == NONE) {
            return;
        }
        this.model = compiled;
        this.info = modelInfo;
        if (checkpoints == null) {
            return;
        }
        try {
            Optional<Checkpoint> latest = resume ? Checkpointer.latest(checkpoints, tag) : Optional.empty();
            if (latest.isPresent()) {
                Checkpoint c = latest.get();
                c.restore(compiled);
                previous = c.history();
                log.accept("activation-lab: resuming from checkpoint " + c.dir() + ": epochs 1-" + c.epoch()
                        + " done, continuing from epoch " + (c.epoch() + 1));
            } else {
                Checkpointer.clear(checkpoints);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints in " + checkpoints + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds the resumed history, the checkpoint and the TensorBoard callbacks to {@code options}; nothing when no
     * model was given to {@link #restore}.
     */
    public FitOptions.Builder attach(FitOptions.Builder options) {
        if (model == null) {
            return options;
        }
        attached = true;
        if (previous != null) {
            options.resumeFrom(previous);
        }
        if (checkpoints != null) {
            options.callback(new Checkpointer(model, info, checkpoints, keepCheckpoints, tag, previous));
        }
        if (tensorboardRun != null) {
            try {
                if (previous == null) {
                    // a run starting afresh: events of an earlier run in its folder would mix with its own
                    deleteEventFiles(tensorboardRun);
                }
                tensorboard = new TensorBoardLogger(tensorboardRun);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write TensorBoard events to " + tensorboardRun + ": "
                        + e.getMessage(), e);
            }
            options.callback(tensorboard);
        }
        return options;
    }

    /** Writes the test metrics to TensorBoard and saves the model, after the run's final evaluation. */
    public void finish(Evaluation test, int epochs) {
        if (model == null) {
            return;
        }
        if (!attached && (tensorboardRun != null || checkpoints != null)) {
            log.accept("activation-lab: no TensorBoard events or checkpoints for this run: its experiment trains with"
                    + " fit options of its own (not RunContext.fit)");
        }
        try {
            if (tensorboard != null) {
                if (test != null) {
                    tensorboard.test(test, epochs);
                }
                tensorboard.close();
                log.accept("activation-lab: TensorBoard events in " + tensorboard.file());
            }
            if (savedModel != null) {
                ModelStore.save(model, info, savedModel, false);
                log.accept("activation-lab: saved the model to " + savedModel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outputs of the run: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the run's checkpoints: its record now holds everything they were kept for. The folders above them are
     * shared with runs still training and are tidied when the study ends ({@link StudyOutputs#tidy()}).
     */
    public void recordWritten() {
        if (checkpoints == null) {
            return;
        }
        try {
            Checkpointer.clear(checkpoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoints in " + checkpoints + ": " + e.getMessage(),
                    e);
        }
    }

    private static void deleteEventFiles(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).toList()) {
                Files.delete(f);
            }
        }
    }
}
