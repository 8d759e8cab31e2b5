package org.activationlab.study.records;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one training run of one activation with one seed produced, as stored in its JSON file by
 * {@link RunRecords}. Reports are generated from these records alone.
 *
 * <p>The core fields are common to every experiment; what only some experiments measure (DAWNBench timings,
 * probes, decision boundaries, convergence, or a user's own measurement) lives in typed {@link Sections}, so a new
 * measurement is a new {@link SectionKey}, not a new constructor argument everywhere. Build one with
 * {@link #builder}. The constructor validates the record (accuracies and fractions in [0, 1], confusion counts that
 * add up, no more epochs than the protocol's, a fingerprint that matches the protocol), so a corrupt or hand-edited
 * file fails when it is read, naming the field.
 *
 * @param schemaVersion the record format, {@value #SCHEMA_VERSION}
 * @param experiment the experiment's name, e.g. {@code mnist-mlp}
 * @param variant the setting an experiment sweeps besides activation and seed, e.g. {@code lr-0.1}; empty if none
 * @param activation the activation under test
 * @param seed the seed of weight initialisation and shuffling
 * @param protocol how the run was set up
 * @param fingerprint {@link Fingerprints#of} the experiment, variant and protocol: equal for the runs of one
 *     study grid (whatever their activation and seed), so runs of other settings are never pooled with them or
 *     replace them
 * @param status {@value #FINISHED} or {@value #DIVERGED}
 * @param divergedEpoch the epoch whose training loss became NaN or infinite, 0 if finished
 * @param history one entry per completed epoch, stored as columns
 * @param validation final metrics on the validation split, or {@code null} if there is none or it diverged
 * @param test final metrics on the test split, or {@code null} if the run was not evaluated
 * @param trainingSeconds wall time of the run's training steps
 * @param environment the machine and software
 * @param command the command line (or program) that produced the run
 * @param sections optional measurements, by name
 */
public record RunRecord(int schemaVersion, String experiment, String variant, ActivationInfo activation, long seed,
        Protocol protocol, String fingerprint, String status, int divergedEpoch,
        @JsonSerialize(using = EpochColumns.Writer.class) @JsonDeserialize(using = EpochColumns.Reader.class)
        List<EpochRecord> history,
        SplitMetrics validation, SplitMetrics test, double trainingSeconds, EnvironmentInfo environment,
        String command, Sections sections) {

    /**
     * The record format this build writes. Version 2 added {@code dawnbench}, version 3 the protocol's
     * {@code preprocessing} and {@code device}, version 4 variants, probes, boundaries and convergence, version 5
     * the fingerprint, the protocol's {@code settings}, the history as columns and the optional measurements as
     * {@code sections}; older records are upgraded when read (see {@link RunRecords}).
     */
    public static final int SCHEMA_VERSION = 7;
    /** Status of a run that completed its epochs. */
    public static final String FINISHED = "finished";
    /** Status of a run whose training loss became NaN or infinite. */
    public static final String DIVERGED = "diverged";

    public RunRecord {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema_version must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        Objects.requireNonNull(experiment, "experiment must not be null");
        Objects.requireNonNull(activation, "activation must not be null");
        Objects.requireNonNull(protocol, "protocol must not be null");
        Objects.requireNonNull(environment, "environment must not be null");
        Objects.requireNonNull(command, "command must not be null");
        history = List.copyOf(Objects.requireNonNull(history, "history must not be null"));
        sections = sections == null ? Sections.empty() : sections;
        Objects.requireNonNull(variant, "variant must not be null (empty if none)");
        if (!variant.isEmpty() && !RunRecords.FOLDER_NAME.matcher(variant).matches()) {
            throw new IllegalArgumentException("variant must be letters, digits, '.', '_' or '-' (it names a folder),"
                    + " got '" + variant + "'");
        }
        if (FINISHED.equals(status)) {
            if (divergedEpoch != 0) {
                throw new IllegalArgumentException("diverged_epoch of a finished run must be 0, got " + divergedEpoch
                        + "; set status to \"" + DIVERGED + "\" if it diverged");
            }
        } else if (DIVERGED.equals(status)) {
            if (divergedEpoch <= 0 || divergedEpoch > protocol.epochs()) {
                throw new IllegalArgumentException("diverged_epoch of a diverged run must be in [1, "
                        + protocol.epochs() + "] (the protocol's epochs), got " + divergedEpoch);
            }
        } else {
            throw new IllegalArgumentException("status must be \"" + FINISHED + "\" or \"" + DIVERGED + "\", got "
                    + (status == null ? "null" : "\"" + status + "\""));
        }
        if (history.size() > protocol.epochs()) {
            throw new IllegalArgumentException("history has " + history.size() + " epochs but protocol.epochs is "
                    + protocol.epochs());
        }
        for (int i = 0; i < history.size(); i++) {
            EpochRecord e = history.get(i);
            if (e.epoch() != i + 1) {
                throw new IllegalArgumentException("history entry " + i + " is epoch " + e.epoch() + ", expected "
                        + (i + 1));
            }
            unitInterval("history.train_accuracy[" + i + "]", e.trainAccuracy());
            unitInterval("history.val_accuracy[" + i + "]", e.valAccuracy());
        }
        check("validation", validation);
        check("test", test);
        String expected = Fingerprints.of(experiment, variant, protocol, activation);
        if (fingerprint == null) {
            fingerprint = expected;
        } else if (!fingerprint.equals(expected)) {
            throw new IllegalArgumentException("fingerprint is " + fingerprint + " but the protocol's is " + expected
                    + " (the protocol was edited after the run)");
        }
    }

    /** A builder for the record of one run; the fingerprint is computed from the protocol. */
    public static Builder builder(String experiment, ActivationInfo activation, long seed) {
        return new Builder(experiment, activation, seed);
    }

    /** Whether the training loss became NaN or infinite. */
    public boolean diverged() {
        return DIVERGED.equals(status);
    }

    /** The DAWNBench section, or {@code null}. */
    public DawnBenchMetrics dawnbench() {
        return sections.get(DawnBenchMetrics.SECTION).orElse(null);
    }

    /** The probes at initialisation and after every epoch, empty when not probed. */
    public List<ProbeRecord> probes() {
        return sections.get(Probes.SECTION).map(Probes::points).orElse(List.of());
    }

    /** The decision boundary section, or {@code null}. */
    public DecisionBoundary boundary() {
        return sections.get(DecisionBoundary.SECTION).orElse(null);
    }

    /** The convergence section, or {@code null}. */
    public Convergence convergence() {
        return sections.get(Convergence.SECTION).orElse(null);
    }

    /** The same run with a completed protocol (e.g. a setting an old record lacks); its fingerprint follows. */
    public RunRecord withProtocol(Protocol newProtocol) {
        return new RunRecord(schemaVersion, experiment, variant, activation, seed, newProtocol, null, status,
                divergedEpoch, history, validation, test, trainingSeconds, environment, command, sections);
    }

    /** The same run with a section added or replaced (e.g. what an old record lacks). */
    public <T> RunRecord withSection(SectionKey<T> key, T value) {
        return new RunRecord(schemaVersion, experiment, variant, activation, seed, protocol, fingerprint, status,
                divergedEpoch, history, validation, test, trainingSeconds, environment, command,
                sections.with(key, value));
    }

    private static void check(String split, SplitMetrics m) {
        if (m == null) {
            return;
        }
        unitInterval(split + ".accuracy", m.accuracy());
        unitInterval(split + ".precision", m.precision());
        unitInterval(split + ".recall", m.recall());
        unitInterval(split + ".f1", m.f1());
        long total = 0;
        for (long[] row : m.confusionMatrix()) {
            for (long c : row) {
                if (c < 0) {
                    throw new IllegalArgumentException(split + ".confusion_matrix has a negative count " + c);
                }
                total += c;
            }
        }
        if (total != m.examples()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s.confusion_matrix counts add up to %d but %s.examples is %d", split, total, split, m.examples()));
        }
    }

    /** NaN (not measured, or diverged) or a fraction. */
    static void unitInterval(String field, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " is " + value + " but must be a fraction in [0, 1]");
        }
    }

    /** Collects one run's fields; {@link #build} validates them. */
    public static final class Builder {
        private final String experiment;
        private final ActivationInfo activation;
        private final long seed;
        private String variant = "";
        private Protocol protocol;
        private String status = FINISHED;
        private int divergedEpoch;
        private List<EpochRecord> history = List.of();
        private SplitMetrics validation;
        private SplitMetrics test;
        private double trainingSeconds;
        private EnvironmentInfo environment;
        private String command = "";
        private Sections sections = Sections.empty();

        private Builder(String experiment, ActivationInfo activation, long seed) {
            this.experiment = experiment;
            this.activation = activation;
            this.seed = seed;
        }

        public Builder variant(String variant) {
            this.variant = variant;
            return this;
        }

        public Builder protocol(Protocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /** Finished if {@code divergedEpoch} is 0, else diverged at that epoch. */
        public Builder divergedAt(int divergedEpoch) {
            this.divergedEpoch = divergedEpoch;
            this.status = divergedEpoch == 0 ? FINISHED : DIVERGED;
            return this;
        }

        public Builder history(List<EpochRecord> history) {
            this.history = history;
            return this;
        }

        public Builder validation(SplitMetrics validation) {
            this.validation = validation;
            return this;
        }

        public Builder test(SplitMetrics test) {
            this.test = test;
            return this;
        }

        public Builder trainingSeconds(double seconds) {
            this.trainingSeconds = seconds;
            return this;
        }

        public Builder environment(EnvironmentInfo environment) {
            this.environment = environment;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        /** Adds (or replaces) one optional section. */
        public <T> Builder section(SectionKey<T> key, T value) {
            this.sections = sections.with(key, value);
            return this;
        }

        public RunRecord build() {
            return new RunRecord(SCHEMA_VERSION, experiment, variant, activation, seed, protocol, null, status,
                    divergedEpoch, history, validation, test, trainingSeconds, environment, command, sections);
        }
    }
}
