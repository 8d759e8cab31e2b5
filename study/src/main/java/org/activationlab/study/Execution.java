package org.activationlab.study;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a study's runs are executed: by which {@link GridExecutor} (by name) and with how many runs side by side.
 *
 * @param executor the executor's name, {@value InProcessExecutor#NAME} for threads in this JVM
 * @param workers runs side by side in this JVM, 0 to choose from the cores and the free memory
 * @param options the executor's own options, e.g. {@code master} for Spark
 */
public record Execution(String executor, int workers, Map<String, String> options) {

    public Execution {
        Objects.requireNonNull(executor, "executor must not be null");
        if (workers < 0) {
            throw new IllegalArgumentException("--workers must be >= 1 (or 0 to choose from the cores and memory), got "
                    + workers);
        }
        options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
    }

    /** In this JVM, with the workers chosen from the cores and the free memory. */
    public static Execution automatic() {
        return new Execution(InProcessExecutor.NAME, 0, Map.of());
    }

    /** In this JVM with {@code workers} runs side by side (0: chosen from the cores and the free memory). */
    public static Execution inProcess(int workers) {
        return new Execution(InProcessExecutor.NAME, workers, Map.of());
    }
}
