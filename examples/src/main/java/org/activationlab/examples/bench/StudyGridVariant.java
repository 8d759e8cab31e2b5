package org.activationlab.examples.bench;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.activationlab.data.Dataset;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.study.Experiment;
import org.activationlab.study.StudyPlan;
import org.activationlab.study.StudyResult;
import org.activationlab.study.StudyRunner;

/**
 * A study grid as a benchmark variant: one "epoch" is the whole grid trained into a fresh temporary folder with the
 * plan's executor and workers, timed on the wall clock; the data is prepared once, before.
 */
public final class StudyGridVariant implements BenchVariant {

    private final String name;
    private final Experiment<?> experiment;
    private final StudyPlan plan;
    private final DatasetResolver resolver;
    private final Path dir;
    private double meanTestAccuracy = Double.NaN;

    /** The grid of {@code plan} over {@code data}, already prepared for the plan's settings. */
    public <D> StudyGridVariant(String name, Experiment<D> experiment, D data, StudyPlan plan,
            DatasetResolver resolver) {
        this.name = name;
        this.experiment = new PreparedExperiment<>(experiment, data);
        this.plan = plan;
        this.resolver = resolver;
        try {
            this.dir = Files.createTempDirectory("activation-lab-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the benchmark's records: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Trains the whole grid (the seed names the round's folder) and returns its wall seconds. */
    @Override
    public double trainEpochSeconds(long round) {
        long start = System.nanoTime();
        StudyResult result;
        try {
            result = StudyRunner.run(experiment, plan, resolver, dir.resolve("round-" + round));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.failures().isEmpty()) {
            throw new IllegalStateException(name + ": " + result.failures().get(0));
        }
        meanTestAccuracy = result.records().stream().filter(r -> r.test() != null)
                .mapToDouble(r -> r.test().accuracy()).average().orElse(Double.NaN);
        return seconds;
    }

    /** The mean test accuracy of the last grid's runs (the data argument is not used: each run has its own). */
    @Override
    public double accuracy(Dataset data) {
        return meanTestAccuracy;
    }

    @Override
    public void close() {
        try {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException e) {
            // the records of a benchmark are throw-away; a leftover temporary folder is harmless
        }
    }
}
