package org.activationlab.study.outputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the runs of a study put their saved models, TensorBoard runs and per-epoch checkpoints: one folder per run
 * under each root, named like the run's record relative to the results folder (e.g.
 * {@code <root>/mnist-mlp/relu-seed1/} for {@code <out>/mnist-mlp/relu-seed1.json}).
 *
 * @param saveModels root of the saved models, or {@code null} for none
 * @param tensorboard root of the TensorBoard runs, or {@code null} for none
 * @param checkpoints root of the per-epoch checkpoints, or {@code null} for none
 * @param keepCheckpoints how many of each run's newest checkpoints to keep while it trains, >= 1
 */
public record StudyOutputs(Path saveModels, Path tensorboard, Path checkpoints, int keepCheckpoints) {

    private static final StudyOutputs NONE = new StudyOutputs(null, null, null, 1);

    public StudyOutputs {
        if (keepCheckpoints < 1) {
            throw new IllegalArgumentException("checkpoints to keep must be >= 1, got " + keepCheckpoints
                    + "; turn checkpoints off with a null folder instead");
        }
    }

    /** Nothing besides the records. */
    public static StudyOutputs none() {
        return NONE;
    }

    /** Whether any output is asked for. */
    public boolean any() {
        return saveModels != null || tensorboard != null || checkpoints != null;
    }

    /**
     * The outputs of one run.
     *
     * @param name the run's record path relative to the results folder, without {@code .json}
     * @param tag the run's settings (its record fingerprint); checkpoints with another tag are never resumed
     * @param resume continue from the newest checkpoint with this tag, if there is one
     * @param log receives what happened, one line each
     */
    public RunOutputs forRun(Path name, String tag, boolean resume, Consumer<String> log) {
        return new RunOutputs(resolve(saveModels, name), resolve(tensorboard, name), resolve(checkpoints, name),
                keepCheckpoints, resume, tag, log);
    }

    /**
     * Removes the empty folders the finished runs' checkpoints leave under the checkpoints root (the root too), once
     * the study's runs have ended. A folder another process filled meanwhile (a shard or a Spark executor writing
     * into the same results) is left as it is.
     */
    public void tidy() {
        if (checkpoints == null || !Files.isDirectory(checkpoints)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(checkpoints)) {
            folders = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            return;   // tidying is a nicety: an unreadable folder stays
        }
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException e) {
                // still holds a checkpoint: a run that was interrupted or is training elsewhere
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Path resolve(Path root, Path name) {
        return root == null ? null : root.resolve(name.toString());
    }
}
