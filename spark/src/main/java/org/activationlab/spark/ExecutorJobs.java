package org.activationlab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.study.Execution;
import org.activationlab.study.Experiment;
import org.activationlab.study.Experiments;
import org.activationlab.study.GridJob;
import org.activationlab.study.StudyRunner;
import org.activationlab.study.outputs.StudyOutputs;

/**
 * The prepared study jobs of this JVM, one per {@link TaskSpec}: a Spark executor looks the experiment up in its
 * registry and prepares the data once, for all the tasks it runs. In local mode the driver's job is registered
 * first, so the data is not prepared twice.
 */
final class ExecutorJobs {

    private static final Map<TaskSpec, GridJob<?>> JOBS = new ConcurrentHashMap<>();

    private ExecutorJobs() {
    }

    /** Registers the driver's prepared job (local mode reuses it). */
    static void offer(TaskSpec spec, GridJob<?> job) {
        JOBS.putIfAbsent(spec, job);
    }

    /** Forgets the driver's job when its study ends, so its data can be collected. */
    static void forget(TaskSpec spec) {
        JOBS.remove(spec);
    }

    /** The job of {@code spec}, prepared on first use in this JVM. */
    static GridJob<?> of(TaskSpec spec) {
        return JOBS.computeIfAbsent(spec, ExecutorJobs::prepare);
    }

    private static GridJob<?> prepare(TaskSpec spec) {
        return prepare(Experiments.registered().get(spec.experiment()), spec);
    }

    private static <D> GridJob<D> prepare(Experiment<D> experiment, TaskSpec spec) {
        DatasetResolver resolver = DatasetResolver.create(Path.of(spec.cacheDir()), spec.mirror());
        D data;
        try {
            data = experiment.prepare(spec.settings(), new Experiment.DataContext() {
                @Override
                public DatasetResolver resolver() {
                    return resolver;
                }

                @Override
                public void log(String line) {
                    System.err.println(line);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + spec.experiment() + "'s data on this executor: "
                    + e.getMessage() + "; give every worker the dataset mirror or a warm cache", e);
        }
        return GridJob.of(experiment, data, spec.settings(), spec.command(), resolver,
                StudyRunner.environment(), Execution.inProcess(1), false, System.err::println,
                (run, epoch) -> { }, StudyOutputs.none(), null, false);
    }
}
