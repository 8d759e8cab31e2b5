package org.activationlab.spark;

import java.nio.file.Path;
import java.util.List;
import org.activationlab.study.Experiments;
import org.activationlab.study.GridCell;
import org.activationlab.study.GridExecutor;
import org.activationlab.study.GridJob;
import org.activationlab.study.GridListener;
import org.activationlab.study.records.RunRecords;
import org.activationlab.tf.IntraOpPools;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a study grid on Apache Spark: one task per cell, each training one run on an executor and writing its record
 * atomically to the cell's file in the shared results folder. The master comes from {@code --master} or, under
 * {@code spark-submit}, from Spark's configuration.
 */
public final class SparkGridExecutor implements GridExecutor {

    /** The name on the command line. */
    public static final String NAME = "spark";
    /** The executor option naming the Spark master, e.g. {@code local[2]}. */
    public static final String MASTER = "master";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <D> void execute(GridJob<D> job, List<GridCell> cells, GridListener listener) {
        if (cells.isEmpty()) {
            return;
        }
        String name = job.experiment().name();
        if (Experiments.registered().all().stream().noneMatch(e -> e.getClass() == job.experiment().getClass())) {
            throw new IllegalArgumentException("--executor spark runs registered experiments only (Spark's executors"
                    + " look " + name + " up by name); register it in META-INF/services/org.activationlab.study"
                    + ".Experiment or use --executor in-process");
        }
        SparkConf conf = new SparkConf().setAppName("activation-lab " + name)
                // an executor trains several tasks side by side: each session needs an intra-op pool of its own
                .setIfMissing("spark.executorEnv." + IntraOpPools.VARIABLE, "1");
        String master = job.execution().options().get(MASTER);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--executor spark needs a master: --master local[2] (this machine, 2"
                    + " tasks at a time) or spark://host:7077, or run under spark-submit --master ...");
        }
        int threads = job.settings().deterministic() ? 1 : conf.getInt("spark.task.cpus", 1);
        TaskSpec spec = new TaskSpec(name, job.settings(), job.command(), job.resolver().cacheDir().toString(),
                job.resolver().mirror().map(Object::toString).orElse(null), threads);
        job.log("activation-lab: " + cells.size() + " runs as Spark tasks on " + conf.get("spark.master") + ", each"
                + " TensorFlow session with " + threads + (threads == 1 ? " thread" : " threads") + " ("
                + (job.settings().deterministic() ? "--deterministic" : "spark.task.cpus") + ")");
        ExecutorJobs.offer(spec, job);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("WARN");
            // executors resolve a relative path against their own working folder; the shared folder must be absolute
            List<GridCell> absolute = cells.stream().map(c -> new GridCell(c.index(), c.position(), c.count(),
                    c.variant(), c.activation(), c.seed(), Path.of(c.file()).toAbsolutePath().toString(),
                    c.fingerprint())).toList();
            List<CellOutcome> outcomes = spark.parallelize(absolute, absolute.size()).map(new TrainCell(spec))
                    .collect();
            for (CellOutcome o : outcomes) {
                if (o.recordJson() != null) {
                    listener.finished(o.cell(), RunRecords.fromJson(o.recordJson(), o.cell().file()));
                } else {
                    listener.failed(o.cell(), o.failure());
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            // Spark rethrows a task's failure as a SparkException, which Java sees as checked
            throw new IllegalStateException("the Spark job stopped: " + e.getMessage() + "; the finished runs'"
                    + " records are written, run the study again to continue", e);
        } finally {
            ExecutorJobs.forget(spec);
        }
    }
}
