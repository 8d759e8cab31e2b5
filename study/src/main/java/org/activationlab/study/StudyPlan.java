package org.activationlab.study;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.outputs.StudyOutputs;

/**
 * What one invocation of a study runs: the settings, the activations and seeds of the grid, which part of it
 * (shard), and where its output goes.
 *
 * @param settings the resolved settings
 * @param activations the activations, distinct
 * @param seeds the seeds, distinct
 * @param shard {@code i/n} to run one of n shards of the grid, or {@code null} for all of it
 * @param overwrite re-run and replace finished runs of the same settings instead of keeping them
 * @param command the command line (or program) recorded in every record
 * @param progress show a progress bar over the grid (and the backend's per-epoch bar) on a terminal
 * @param log receives progress lines (per epoch, per run)
 * @param epochs receives every epoch of every run (from the runs' threads, one call at a time)
 * @param outputs what every run writes besides its record (saved model, TensorBoard events, checkpoints)
 * @param execution which executor runs the grid and how many runs train side by side
 */
public record StudyPlan(StudySettings settings, List<Activation> activations, List<Long> seeds, String shard,
        boolean overwrite, String command, boolean progress, Consumer<String> log, EpochListener epochs,
        StudyOutputs outputs, Execution execution) {

    public StudyPlan {
        Objects.requireNonNull(settings, "study settings must not be null");
        activations = List.copyOf(activations);
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(command, "study command must not be null");
        log = log == null ? line -> { } : log;
        epochs = epochs == null ? (run, epoch) -> { } : epochs;
        outputs = outputs == null ? StudyOutputs.none() : outputs;
        execution = execution == null ? Execution.automatic() : execution;
        if (activations.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one activation");
        }
        if (activations.stream().map(Activation::spec).distinct().count() != activations.size()) {
            throw new IllegalArgumentException("study activations must be distinct, got " + activations.stream()
                    .map(Activation::spec).toList());
        }
    }

    /**
     * A plan whose runs write nothing but their records, run in this JVM with the workers chosen from the cores
     * and the free memory.
     */
    public StudyPlan(StudySettings settings, List<Activation> activations, List<Long> seeds, String shard,
            boolean overwrite, String command, boolean progress, Consumer<String> log, EpochListener epochs) {
        this(settings, activations, seeds, shard, overwrite, command, progress, log, epochs, StudyOutputs.none(),
                Execution.automatic());
    }

    /** This plan executed otherwise. */
    public StudyPlan withExecution(Execution newExecution) {
        return new StudyPlan(settings, activations, seeds, shard, overwrite, command, progress, log, epochs, outputs,
                newExecution);
    }

    /** This plan with other run outputs. */
    public StudyPlan withOutputs(StudyOutputs newOutputs) {
        return new StudyPlan(settings, activations, seeds, shard, overwrite, command, progress, log, epochs,
                newOutputs, execution);
    }
}
