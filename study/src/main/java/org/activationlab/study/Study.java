package org.activationlab.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.activationlab.data.Dataset;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.outputs.StudyOutputs;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.Device;
import org.activationlab.tf.Precision;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.optimizers.Optimizer;
import org.activationlab.tf.schedules.ConstantRate;
import org.activationlab.tf.schedules.LearningRateSchedule;

/**
 * A study of your own model and data: the grid activations x seeds, each run trained, evaluated and stored as a
 * record, and a page with means, 95% intervals, significance tests against a baseline and figures, generated from
 * the records alone.
 *
 * <pre>{@code
 * Study study = Study.builder("my-question")
 *     .model(act -> Sequential.of(input(28, 28, 1), flatten(), dense(256).activation(act), dense(10).softmax()))
 *     .activations("relu", "gelu", "mish")
 *     .seeds(5)
 *     .data(train, valid, test)
 *     .optimizer(Adam.defaults()).epochs(10).batchSize(128)
 *     .build();
 * StudyResult result = study.run(Path.of("my-results/my-question"));   // resumable: finished runs are kept
 * result.writeReport(Path.of("my-results/docs"));                    // page + figures, from the records only
 * }</pre>
 */
public final class Study {

    private final UserExperiment experiment;
    private final StudyPlan plan;

    private Study(UserExperiment experiment, StudyPlan plan) {
        this.experiment = experiment;
        this.plan = plan;
    }

    /** A builder for the study called {@code name} (it names its records and page, e.g. {@code my-question}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The study as an experiment, e.g. to run it through {@link StudyRunner} with another plan. */
    public Experiment<Void> experiment() {
        return experiment;
    }

    /**
     * Runs every run of the grid that has no finished record of the same settings in {@code dir} and writes its
     * record there; finished runs are kept, so a second call trains nothing.
     *
     * @throws IllegalArgumentException before any training if {@code dir} cannot be written
     */
    public StudyResult run(Path dir) {
        try {
            return StudyRunner.run(experiment, plan, DatasetResolver.create(null, null), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects a study's model, data and protocol; {@link #build} checks them. */
    public static final class Builder {
        private final String name;
        private Function<Activation, Sequential> model;
        private final List<Activation> activations = new ArrayList<>();
        private List<Long> seeds = List.of(1L);
        private Dataset train;
        private Dataset valid;
        private Dataset test;
        private Optimizer optimizer = Adam.defaults();
        private LearningRateSchedule schedule = new ConstantRate();
        private int epochs = 10;
        private int batchSize = 64;
        private Double threshold;
        private int probes;
        private String baseline;
        private boolean deterministic;
        private Device device = Device.CPU;
        private boolean progress = true;
        private boolean overwrite;
        private StudyOutputs outputs = StudyOutputs.none();
        private Consumer<String> log = line -> { };
        private EpochListener onEpoch;
        private String description;
        private int workers;
        private Precision precision = Precision.FP32;

        private Builder(String name) {
            this.name = RunRecords.checkedName("study name", name);
        }

        /** The model of a run, given the activation under study. */
        public Builder model(Function<Activation, Sequential> model) {
            this.model = Objects.requireNonNull(model, "model must not be null");
            return this;
        }

        /** The activations in text form, e.g. {@code "relu"}, {@code "leaky_relu:0.01"}, {@code "elu:alpha=0.5"}. */
        public Builder activations(String... specs) {
            Arrays.stream(specs).map(Activations::parse).forEach(activations::add);
            return this;
        }

        /** The activations as objects. */
        public Builder activations(Activation... list) {
            activations.addAll(Arrays.asList(list));
            return this;
        }

        /** Seeds 1..n (default: 1). */
        public Builder seeds(int n) {
            this.seeds = StudyGrid.firstSeeds(n);
            return this;
        }

        /** These seeds. */
        public Builder seeds(List<Long> list) {
            this.seeds = List.copyOf(list);
            return this;
        }

        /** Training, validation (evaluated after every epoch; may be {@code null}) and test data. */
        public Builder data(Dataset train, Dataset valid, Dataset test) {
            this.train = Objects.requireNonNull(train, "training data must not be null");
            this.valid = valid;
            this.test = Objects.requireNonNull(test, "test data must not be null");
            return this;
        }

        /** The optimizer (default: {@code Adam.defaults()}, PyTorch's lr 1e-3, betas 0.9/0.999, eps 1e-8). */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer must not be null");
            return this;
        }

        /** The learning-rate schedule, evaluated per step (default: the optimizer's rate throughout). */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule must not be null");
            return this;
        }

        /** Epochs per run (default 10). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Examples per step (default 64). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Records the first epoch whose accuracy on the monitored split (validation, else test) reaches
         * {@code accuracy}, and the training time until then (DAWNBench's time to accuracy).
         */
        public Builder threshold(double accuracy) {
            this.threshold = accuracy;
            return this;
        }

        /** Gradient norms and dead units on a fixed batch of {@code size} training examples, every epoch. */
        public Builder probes(int size) {
            this.probes = size;
            return this;
        }

        /** The activation (spec) the others are tested against (default: the first). */
        public Builder baseline(String spec) {
            this.baseline = Activations.parse(spec).spec();
            return this;
        }

        /** Single-threaded TensorFlow: records identical apart from timings. */
        public Builder deterministic(boolean deterministic) {
            this.deterministic = deterministic;
            return this;
        }

        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device must not be null");
            return this;
        }

        /**
         * Runs side by side in this JVM, each with its share of the cores (default 0: one per core, fewer if their
         * memory would not fit; the choice is logged).
         */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** The floating-point precision of training (default FP32); BF16 needs a GPU or a CPU with AVX512_BF16/AMX. */
        public Builder precision(Precision precision) {
            this.precision = Objects.requireNonNull(precision, "precision must not be null");
            return this;
        }

        /** A progress bar over the grid and per epoch, on a terminal (default on). */
        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /** Re-run and replace finished runs of the same settings instead of keeping them. */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /** Receives a line per epoch and per run. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log must not be null");
            return this;
        }

        /** Receives every epoch of every run as it completes. */
        public Builder onEpoch(EpochListener listener) {
            this.onEpoch = listener;
            return this;
        }

        /**
         * Saved models, TensorBoard events and per-epoch checkpoints of every run (default none); with checkpoints
         * a study killed mid-run continues each run from its newest checkpoint when started again.
         */
        public Builder outputs(StudyOutputs outputs) {
            this.outputs = Objects.requireNonNull(outputs, "outputs must not be null");
            return this;
        }

        /** One line saying what the study asks (the page's title; default: the name). */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming what is missing or out of range
         */
        public Study build() {
            if (model == null) {
                throw new IllegalArgumentException("study " + name + " needs a model: .model(act -> Sequential.of("
                        + "...))");
            }
            if (train == null) {
                throw new IllegalArgumentException("study " + name + " needs data: .data(train, valid, test)");
            }
            if (activations.isEmpty()) {
                throw new IllegalArgumentException("study " + name + " needs activations: .activations(\"relu\","
                        + " \"gelu\")");
            }
            String base = baseline == null ? activations.get(0).spec() : baseline;
            if (activations.stream().noneMatch(a -> a.spec().equals(base))) {
                throw new IllegalArgumentException("baseline " + base + " is not among the study's activations "
                        + activations.stream().map(Activation::spec).toList());
            }
            UserExperiment experiment = new UserExperiment(name, description == null ? name : description, model,
                    List.copyOf(activations), base, train, valid, test, optimizer, schedule);
            StudySettings settings = new StudySettings(epochs, batchSize, 0, threshold, deterministic, device, probes,
                    Map.of(), precision);
            String command = "Study.builder(\"" + name + "\") (a Java program)";
            StudyPlan plan = new StudyPlan(settings, activations, seeds, null, overwrite, command, progress, log,
                    onEpoch, outputs, Execution.inProcess(workers));
            return new Study(experiment, plan);
        }
    }
}
