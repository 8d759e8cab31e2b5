package org.activationlab.examples.records;

import java.util.List;
import java.util.Objects;

/**
 * Everything one training run of one activation with one seed produced, as stored in its JSON file by
 * {@link RunRecords}. Reports are generated from these records alone.
 *
 * @param schemaVersion the record format, {@value #SCHEMA_VERSION}
 * @param experiment the experiment's name, e.g. {@code mnist-mlp}
 * @param activation the activation under test
 * @param seed the seed of weight initialisation and shuffling
 * @param protocol how the run was set up
 * @param status {@value #FINISHED} or {@value #DIVERGED}
 * @param divergedEpoch the epoch whose training loss became NaN or infinite, 0 if finished
 * @param history one entry per completed epoch
 * @param validation final metrics on the validation split, or {@code null} if the run was not evaluated
 * @param test final metrics on the test split, or {@code null} if the run was not evaluated
 * @param trainingSeconds wall time of the run's training
 * @param dawnbench time-to-accuracy and inference timings, or {@code null} for experiments that do not measure them
 * @param environment the machine and software
 * @param command the command line that produced the run
 */
public record RunRecord(int schemaVersion, String experiment, ActivationInfo activation, long seed,
        Protocol protocol, String status, int divergedEpoch, List<EpochRecord> history, SplitMetrics validation,
        SplitMetrics test, double trainingSeconds, DawnBenchMetrics dawnbench, EnvironmentInfo environment,
        String command) {

    /**
     * The record format this build writes. Version 2 added {@code dawnbench}, version 3 the protocol's
     * {@code preprocessing} and {@code device}; older records are read as version 3 (see {@code RunRecords}).
     */
    public static final int SCHEMA_VERSION = 3;
    /** Status of a run that completed its epochs. */
    public static final String FINISHED = "finished";
    /** Status of a run whose training loss became NaN or infinite. */
    public static final String DIVERGED = "diverged";

    public RunRecord {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("run record schema version must be " + SCHEMA_VERSION + ", got "
                    + schemaVersion);
        }
        Objects.requireNonNull(experiment, "run record experiment must not be null");
        Objects.requireNonNull(activation, "run record activation must not be null");
        Objects.requireNonNull(protocol, "run record protocol must not be null");
        Objects.requireNonNull(environment, "run record environment must not be null");
        Objects.requireNonNull(command, "run record command must not be null");
        history = List.copyOf(Objects.requireNonNull(history, "run record history must not be null"));
        if (FINISHED.equals(status)) {
            if (divergedEpoch != 0) {
                throw new IllegalArgumentException("a finished run must have diverged epoch 0, got " + divergedEpoch
                        + "; set status to \"" + DIVERGED + "\" if it diverged");
            }
        } else if (DIVERGED.equals(status)) {
            if (divergedEpoch <= 0) {
                throw new IllegalArgumentException("a diverged run needs the epoch it diverged at (>= 1), got "
                        + divergedEpoch);
            }
        } else {
            throw new IllegalArgumentException("run record status must be \"" + FINISHED + "\" or \"" + DIVERGED
                    + "\", got " + (status == null ? "null" : "\"" + status + "\""));
        }
    }

    /** Whether the training loss became NaN or infinite. */
    public boolean diverged() {
        return DIVERGED.equals(status);
    }
}
