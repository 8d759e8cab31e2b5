package org.activationlab.study.records;

import java.util.Objects;

/**
 * How a run was set up: everything besides the activation and seed that a reader needs to repeat it.
 *
 * @param model the model as {@code Sequential.toString()} prints it
 * @param parameters number of trainable parameters
 * @param optimizer the optimizer with every hyperparameter, as {@code Optimizer.describe()} prints it
 * @param batchSize examples per training step
 * @param epochs epochs requested (a diverged run completes fewer)
 * @param split how the data was split, e.g.
 *     {@code MNIST 70,000 stratified 7:2:1 seed 1: train 49,000 / test 14,000 / valid 7,000}
 * @param trainLimit number of training examples used, 0 for all of them
 * @param deterministic whether TensorFlow ran single-threaded for bit-identical repeats
 * @param dataSource where the data came from, as {@code Dataset.source()} reports it
 * @param initializer the weight initialisation, e.g. {@code HE_UNIFORM}
 * @param preprocessing what was done to the inputs, e.g. normalisation and augmentation
 * @param device where TensorFlow ran, after resolving the request, e.g. {@code CPU}
 */
public record Protocol(String model, long parameters, String optimizer, int batchSize, int epochs, String split,
        int trainLimit, boolean deterministic, String dataSource, String initializer, String preprocessing,
        String device) {

    /** Preprocessing of the MNIST experiments, and of records written before the field existed. */
    public static final String PIXELS_IN_UNIT_RANGE = "pixels scaled to [0, 1]; no augmentation";

    public Protocol {
        Objects.requireNonNull(model, "protocol model must not be null");
        Objects.requireNonNull(optimizer, "protocol optimizer must not be null");
        Objects.requireNonNull(split, "protocol split must not be null");
        Objects.requireNonNull(dataSource, "protocol data source must not be null");
        Objects.requireNonNull(initializer, "protocol initializer must not be null");
        Objects.requireNonNull(preprocessing, "protocol preprocessing must not be null");
        Objects.requireNonNull(device, "protocol device must not be null");
        if (trainLimit < 0) {
            throw new IllegalArgumentException("protocol train limit must be >= 0 (0 = all), got " + trainLimit);
        }
    }
}
