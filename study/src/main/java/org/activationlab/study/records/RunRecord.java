package org.activationlab.study.records;

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
 * @param variant the setting an experiment sweeps besides activation and seed, e.g. {@code lr-0.1} or
 *     {@code spiral}; empty for experiments without one. Records of a variant live in a subfolder of that name
 * @param probes gradient norms and unit activity at initialisation and after every epoch, empty when not probed
 * @param boundary the decision boundary of a 2-D classifier after training, or {@code null}
 * @param convergence the first epoch at a loss threshold, for experiments that watch one, else {@code null}
 */
public record RunRecord(int schemaVersion, String experiment, ActivationInfo activation, long seed,
        Protocol protocol, String status, int divergedEpoch, List<EpochRecord> history, SplitMetrics validation,
        SplitMetrics test, double trainingSeconds, DawnBenchMetrics dawnbench, EnvironmentInfo environment,
        String command, String variant, List<ProbeRecord> probes, DecisionBoundary boundary,
        Convergence convergence) {

    /**
     * The record format this build writes. Version 2 added {@code dawnbench}, version 3 the protocol's
     * {@code preprocessing} and {@code device}, version 4 {@code variant}, {@code probes}, {@code boundary} and
     * {@code convergence};
     * older records are read as version 4 (see {@code RunRecords}).
     */
    public static final int SCHEMA_VERSION = 4;
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
        probes = List.copyOf(Objects.requireNonNull(probes, "run record probes must not be null (empty if none)"));
        Objects.requireNonNull(variant, "run record variant must not be null (empty if none)");
        if (!variant.isEmpty() && !RunRecords.FOLDER_NAME.matcher(variant).matches()) {
            throw new IllegalArgumentException("run record variant must be letters, digits, '.', '_' or '-' (it"
                    + " names a folder), got '" + variant + "'");
        }
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

    /** A record of an experiment without variants, probes or decision boundary. */
    public RunRecord(int schemaVersion, String experiment, ActivationInfo activation, long seed, Protocol protocol,
            String status, int divergedEpoch, List<EpochRecord> history, SplitMetrics validation, SplitMetrics test,
            double trainingSeconds, DawnBenchMetrics dawnbench, EnvironmentInfo environment, String command) {
        this(schemaVersion, experiment, activation, seed, protocol, status, divergedEpoch, history, validation, test,
                trainingSeconds, dawnbench, environment, command, "", List.of(), null, null);
    }

    /** Whether the training loss became NaN or infinite. */
    public boolean diverged() {
        return DIVERGED.equals(status);
    }
}
