package org.activationlab.examples.persistence;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.examples.records.RunRecords;

/**
 * Where the runs of a study put their saved models, TensorBoard runs and checkpoints: one folder per run under
 * each root, named like the run's record ({@code <root>/<experiment>/[<variant>/]<activation>-seed<seed>}).
 *
 * @param saveModels root of the saved models, or {@code null} for none
 * @param tensorboard root of the TensorBoard runs, or {@code null} for none
 * @param checkpoints root of the per-epoch checkpoints, or {@code null} for none
 * @param keepCheckpoints how many of each run's newest checkpoints to keep while it trains, >= 1
 * @param resume continue a run from its newest checkpoint
 */
public record StudyOutputs(Path saveModels, Path tensorboard, Path checkpoints, int keepCheckpoints, boolean resume) {

    public StudyOutputs {
        if (checkpoints != null && keepCheckpoints < 1) {
            throw new IllegalArgumentException("--keep-checkpoints must be >= 1, got " + keepCheckpoints
                    + "; use 0 only to turn checkpoints off");
        }
    }

    /** The outputs of one run; {@code tag} identifies its settings (e.g. the command line). */
    public RunOutputs forRun(String experiment, String variant, Activation activation, long seed, String tag,
            Consumer<String> log) {
        return new RunOutputs(folder(saveModels, experiment, variant, activation, seed),
                folder(tensorboard, experiment, variant, activation, seed),
                folder(checkpoints, experiment, variant, activation, seed), checkpoints, keepCheckpoints, resume,
                tag + " | " + variant + " | " + activation.spec() + " | seed " + seed, log);
    }

    private static Path folder(Path root, String experiment, String variant, Activation activation, long seed) {
        if (root == null) {
            return null;
        }
        Path record = RunRecords.pathFor(root, experiment, variant, activation, seed);
        String name = record.getFileName().toString();
        return record.resolveSibling(name.substring(0, name.lastIndexOf('.')));
    }
}
