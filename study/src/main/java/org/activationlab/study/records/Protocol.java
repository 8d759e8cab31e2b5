package org.activationlab.study.records;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a run was set up: everything besides the activation and seed that a reader needs to repeat it, and that
 * changes its result. Every field enters the record's {@link Fingerprints fingerprint}.
 *
 * @param model the model as {@code Sequential.toString()} prints it
 * @param parameters number of trainable parameters
 * @param optimizer the optimizer with every hyperparameter, as {@code Optimizer.describe()} prints it
 * @param batchSize examples per training step
 * @param epochs epochs requested (a diverged or early-stopped run completes fewer)
 * @param split how the data was split, e.g.
 *     {@code MNIST 70,000 stratified 7:2:1 seed 1: train 49,000 / test 14,000 / valid 7,000}
 * @param trainLimit number of training examples used, 0 for all of them
 * @param deterministic whether TensorFlow ran single-threaded for bit-identical repeats
 * @param dataSource what the data is (name, checksum, canonical or mirror copy), never where it lies on a disk
 * @param initializer the weight initialisation, e.g. {@code HE_UNIFORM}
 * @param preprocessing what was done to the inputs, e.g. normalisation and augmentation
 * @param device where TensorFlow ran, after resolving the request, e.g. {@code CPU}
 * @param settings the experiment's own settings that change the result (e.g. {@code threshold},
 *     {@code learning_rate}), as text, sorted by name
 */
public record Protocol(String model, long parameters, String optimizer, int batchSize, int epochs, String split,
        int trainLimit, boolean deterministic, String dataSource, String initializer, String preprocessing,
        String device, Map<String, String> settings) {

    /** Preprocessing of the MNIST experiments, and of records written before the field existed. */
    public static final String PIXELS_IN_UNIT_RANGE = "pixels scaled to [0, 1]; no augmentation";
    /**
     * The setting naming the training precision when it is not the default fp32; records of fp32 runs do not name
     * it, so that they keep the fingerprint they had before precision was a setting.
     */
    public static final String PRECISION_SETTING = "precision";

    public Protocol {
        Objects.requireNonNull(model, "protocol.model must not be null");
        Objects.requireNonNull(optimizer, "protocol.optimizer must not be null");
        Objects.requireNonNull(split, "protocol.split must not be null");
        Objects.requireNonNull(dataSource, "protocol.data_source must not be null");
        Objects.requireNonNull(initializer, "protocol.initializer must not be null");
        Objects.requireNonNull(preprocessing, "protocol.preprocessing must not be null");
        Objects.requireNonNull(device, "protocol.device must not be null");
        if (trainLimit < 0) {
            throw new IllegalArgumentException("protocol.train_limit must be >= 0 (0 = all), got " + trainLimit);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("protocol.epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("protocol.batch_size must be > 0, got " + batchSize);
        }
        settings = Collections.unmodifiableMap(new TreeMap<>(settings == null ? Map.of() : settings));
    }

    /** A builder; preprocessing defaults to {@link #PIXELS_IN_UNIT_RANGE}, the device to CPU. */
    public static Builder builder() {
        return new Builder();
    }

    /** This protocol with one more (or another) setting of the experiment's. */
    public Protocol withSetting(String name, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(name, value);
        return new Protocol(model, parameters, optimizer, batchSize, epochs, split, trainLimit, deterministic,
                dataSource, initializer, preprocessing, device, copy);
    }

    /** A setting of the experiment's, or {@code null}. */
    public String setting(String name) {
        return settings.get(name);
    }

    /** Collects a protocol's fields. */
    public static final class Builder {
        private String model;
        private long parameters;
        private String optimizer;
        private int batchSize;
        private int epochs;
        private String split = "";
        private int trainLimit;
        private boolean deterministic;
        private String dataSource;
        private String initializer = "";
        private String preprocessing = PIXELS_IN_UNIT_RANGE;
        private String device = "CPU";
        private final Map<String, String> settings = new TreeMap<>();

        private Builder() {
        }

        /** The model's text form and trainable parameter count. */
        public Builder model(String model, long parameters) {
            this.model = model;
            this.parameters = parameters;
            return this;
        }

        public Builder optimizer(String optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder split(String split) {
            this.split = split;
            return this;
        }

        public Builder trainLimit(int trainLimit) {
            this.trainLimit = trainLimit;
            return this;
        }

        public Builder deterministic(boolean deterministic) {
            this.deterministic = deterministic;
            return this;
        }

        public Builder dataSource(String dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder initializer(String initializer) {
            this.initializer = initializer;
            return this;
        }

        public Builder preprocessing(String preprocessing) {
            this.preprocessing = preprocessing;
            return this;
        }

        public Builder device(String device) {
            this.device = device;
            return this;
        }

        /** One of the experiment's own settings. */
        public Builder setting(String name, Object value) {
            this.settings.put(name, String.valueOf(value));
            return this;
        }

        public Protocol build() {
            return new Protocol(model, parameters, optimizer, batchSize, epochs, split, trainLimit, deterministic,
                    dataSource, initializer, preprocessing, device, settings);
        }
    }
}
