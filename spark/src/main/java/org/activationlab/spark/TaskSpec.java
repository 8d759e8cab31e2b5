package org.activationlab.spark;

import java.io.Serializable;
import java.util.Objects;
import org.activationlab.study.StudySettings;

/**
 * What every Spark task of one study needs besides its cell, as plain values: the experiment is looked up by name
 * in the executor's registry and its data prepared there (once per executor JVM).
 *
 * @param experiment the registered experiment's name
 * @param settings the study's settings
 * @param command the command line recorded in every record
 * @param cacheDir the dataset cache folder
 * @param mirror the dataset mirror, or {@code null} for the canonical downloads
 * @param threads each run's intra-op threads ({@code spark.task.cpus}); 0 for TensorFlow's default pools
 */
record TaskSpec(String experiment, StudySettings settings, String command, String cacheDir, String mirror,
        int threads) implements Serializable {

    private static final long serialVersionUID = 1L;

    TaskSpec {
        Objects.requireNonNull(experiment, "experiment must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(cacheDir, "cache folder must not be null");
    }
}
