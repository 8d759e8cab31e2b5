package org.activationlab.study;

import java.util.List;

/**
 * Runs the cells of a study grid: threads in this JVM ({@link InProcessExecutor}) or an engine such as Apache Spark.
 * Each cell trains one run through {@link GridJob#train} and its record is written atomically to the cell's file;
 * the outcome of every cell goes to the listener, and one failing cell never stops the others.
 *
 * <p>Register an implementation in {@code META-INF/services/org.activationlab.study.GridExecutor}; the study runner
 * finds it by {@link #name()} ({@code --executor NAME} on the command line).
 */
public interface GridExecutor {

    /** The name on the command line, e.g. {@code in-process} or {@code spark}. */
    String name();

    /**
     * Trains {@code cells} of {@code job}, reporting each to {@code listener}; returns when all are done.
     *
     * @throws IllegalArgumentException if the executor's options do not fit (one line naming the option)
     * @throws IllegalStateException if a finished run's record cannot be written
     */
    <D> void execute(GridJob<D> job, List<GridCell> cells, GridListener listener);

    /** Whether it writes records, so that the runner checks the results folder first (a dry run writes none). */
    default boolean writesRecords() {
        return true;
    }
}
