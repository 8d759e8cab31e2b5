package org.activationlab.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.bench.SystemInfo;
import org.activationlab.study.DryRunExecutor;
import org.activationlab.study.Execution;
import org.activationlab.study.Experiment;
import org.activationlab.study.Experiments;
import org.activationlab.study.InProcessExecutor;
import org.activationlab.study.OutputFolders;
import org.activationlab.study.Pages;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudyPlan;
import org.activationlab.study.StudyResult;
import org.activationlab.study.StudyRunner;
import org.activationlab.study.StudySettings;
import org.activationlab.study.outputs.StudyOutputs;
import org.activationlab.tf.Device;
import org.activationlab.tf.Devices;
import org.activationlab.tf.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a registered experiment's grid, writes one record per run and regenerates its pages. */
@Command(name = "reproduce", aliases = {"study", "experiment"}, mixinStandardHelpOptions = true,
        description = {"Run a registered experiment (see `activation-lab list`): train each activation (with each"
                + " seed), write one record per run to <out>/<experiment>/ and regenerate <docs>/<experiment>.md.",
                "A study is the grid variants x activations x seeds (--seeds N); it can be split across processes or"
                        + " machines with --shard i/n into one results folder. Finished runs of the same settings are"
                        + " kept (an interrupted study continues where it stopped); runs with other settings go to"
                        + " other-settings/<the settings that differ>/ and get a page of their own, so no finished"
                        + " result is replaced. A run whose loss becomes NaN or infinite is recorded as diverged and"
                        + " the study goes on."})
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "A registered experiment, e.g. mnist-mlp (`activation-lab"
            + " list` shows them all).")
    String experiment;

    @Option(names = "--activations", paramLabel = "LIST",
            description = "Comma-separated activations, e.g. relu,leaky_relu:0.01,elu:alpha=0.5 (default: the"
                    + " experiment's).")
    String activations;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per run (default: the experiment's).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step (default: the experiment's).")
    Integer batchSize;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on N examples of the training split only (0 = all; default: the experiment's).")
    Integer trainLimit;

    @Option(names = "--threshold", paramLabel = "ACC",
            description = "Accuracy whose first epoch and training time are recorded, for experiments that record"
                    + " time to accuracy (default: the experiment's, e.g. 0.98).")
    Double threshold;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto", defaultValue = "cpu",
            description = "Where TensorFlow runs (default: ${DEFAULT-VALUE}); gpu without a visible GPU runs on the CPU"
                    + " with a warning; auto takes a GPU when TensorFlow sees one.")
    String device;

    @Option(names = "--resume", description = "Keep finished runs of the same settings and continue a run killed"
            + " mid-way from its last checkpoint (both the default; the flag is kept for older scripts).")
    boolean resume;

    @Option(names = "--overwrite", description = "Re-run finished runs of the same settings and replace their"
            + " records.")
    boolean overwrite;

    @Option(names = "--save-models", paramLabel = "DIR",
            description = "Save each trained model to DIR/<experiment>/[<variant>/]<activation>-seed<seed>/ (named"
                    + " like its record), for predict and export.")
    Path saveModels;

    @Option(names = "--tensorboard", paramLabel = "DIR",
            description = "Write TensorBoard event files (not for playground), one run per folder"
                    + " DIR/<experiment>/[<variant>/]<activation>-seed<seed>/ (tensorboard --logdir DIR overlays"
                    + " them); with the gradient-dynamics probes also per-tensor gradient norms.")
    Path tensorboard;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Where runs keep their per-epoch checkpoints until their record is written, so that a run"
                    + " killed mid-way continues from its last epoch when started again with the same settings"
                    + " (default: <out>/.checkpoints; not for playground).")
    Path checkpoints;

    @Option(names = "--keep-checkpoints", paramLabel = "N", defaultValue = "1",
            description = "Newest checkpoints kept per run while it trains; 0 writes none (default: ${DEFAULT-VALUE}).")
    int keepCheckpoints;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of initialisation and shuffling for a single-seed run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Run every activation with seeds 1..N (a study; overrides --seed).")
    Integer seeds;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Run only shard i of n of the grid (run k goes to shard k mod n + 1), e.g. 2/3; the shards"
                    + " of one study write into the same results folder.")
    String shard;

    @Option(names = "--deterministic", description = "Single-threaded TensorFlow: identical records for the same seed.")
    boolean deterministic;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Runs trained side by side in this process, each with its share of the cores (default: one"
                    + " per core, fewer if their memory would not fit; the choice is printed at the start).")
    int workers;

    @Option(names = "--precision", paramLabel = "fp32|bf16", defaultValue = "fp32",
            description = "Training precision (default: ${DEFAULT-VALUE}); bf16 is oneDNN's automatic mixed precision"
                    + " on a CPU with AVX512_BF16 or AMX, TensorFlow's mixed precision on a GPU. It changes the"
                    + " results, so it is part of the records' settings.")
    String precision;

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = InProcessExecutor.NAME,
            description = "What runs the grid: ${DEFAULT-VALUE} (threads in this process) or spark (the optional"
                    + " Spark engine, built with ACTIVATIONLAB_PROFILES=spark).")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --executor spark, e.g. local[2] or spark://host:7077 (default: Spark's"
                    + " configuration, as spark-submit sets it).")
    String master;

    @Option(names = "--dry-run", negatable = false,
            description = "Plan only: list the runs the study would train and the finished runs of the same settings"
                    + " it would keep; trains nothing and writes nothing (no records, pages or folders).")
    boolean dryRun;

    @Option(names = "--no-progress", negatable = false,
            description = "No progress bar (it is shown only on a terminal anyway).")
    boolean noProgress;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Run records folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--docs", paramLabel = "DIR",
            description = "Generated docs folder (default: docs/results for the records in results/, else"
                    + " <out>/docs, so that other records never replace the committed pages).")
    Path docs;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        Experiments registry = Experiments.registered();
        Experiment<?> e = registry.get(experiment);
        Path pages = OutputFolders.pagesFor(out, docs);
        if (dryRun && !executor.equals(InProcessExecutor.NAME)) {
            throw new IllegalArgumentException("--dry-run plans the study without an executor; drop --executor "
                    + executor);
        }
        Device resolved = Devices.resolve(parseDevice(device));
        Map<String, String> options = ExperimentOptions.given(spec.commandLine().getParseResult(), registry);
        if (master != null && executor.equals(InProcessExecutor.NAME)) {
            throw new IllegalArgumentException("--master applies to --executor spark only; add --executor spark");
        }
        StudySettings settings = e.configure(new SettingsRequest(epochs, batchSize, trainLimit, threshold,
                deterministic, resolved, options, Precision.parse(precision)));
        List<Activation> list = activations == null ? e.defaultActivations() : Activations.parseList(activations);
        List<Long> seedList = seeds == null ? List.of(seed) : StudyGrid.firstSeeds(seeds);
        // the grid's options are checked before anything is printed or loaded
        StudyGrid grid = new StudyGrid(e.variants(settings), list, seedList);
        int planned = (shard == null ? grid.runs() : grid.shard(shard)).size();
        // folders are made only once every option is known to be good, and never by a dry run
        if (!dryRun) {
            OutputFolders.requireWritable(out, "--out");
            OutputFolders.requireWritable(pages, "--docs");
        }
        StudyOutputs outputs = dryRun ? StudyOutputs.none() : outputs();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        DatasetResolver resolver = data.resolver();
        err.println("activation-lab: datasets from " + resolver.describe());
        err.println("activation-lab: " + Devices.describe() + "; running on " + resolved);
        boolean progress = !noProgress && System.console() != null;
        StudyPlan plan = new StudyPlan(settings, list, seedList, shard, overwrite, commandLine(e, settings, list),
                progress, line -> {
                    err.println(line);
                    err.flush();
                }, null, outputs, new Execution(dryRun ? DryRunExecutor.NAME : executor, workers, master == null
                        ? Map.of() : Map.of("master", master)));
        long start = System.nanoTime();
        StudyResult result = StudyRunner.run(e, plan, resolver, out.resolve(e.name()));
        if (dryRun) {
            stdout.printf(Locale.ROOT, "dry run: %d runs to train, %d finished runs kept; nothing trained or"
                    + " written%n", planned - result.kept() - result.failures().size(), result.kept());
            stdout.flush();
            return result.failures().isEmpty() ? 0 : 1;
        }
        stdout.printf(Locale.ROOT, "%d runs trained, %d finished runs kept, in %.1f s (wall); JVM peak RSS %s%n",
                result.trained(), result.kept(), (System.nanoTime() - start) / 1e9, SystemInfo.peakRssKb().stream()
                        .mapToObj(kb -> String.format(Locale.ROOT, "%,d MiB", kb / 1024)).findFirst()
                        .orElse("unknown"));
        for (Path page : Pages.write(e, out.resolve(e.name()), pages)) {
            stdout.println("regenerated " + page);
        }
        Pages.writeIndex(registry, out, pages);
        stdout.flush();
        if (!result.failures().isEmpty()) {
            result.failures().forEach(line -> err.println("activation-lab: " + line));
            return 1;
        }
        return 0;
    }

    /** Saved models, TensorBoard runs and checkpoints (on by default, under {@code <out>/.checkpoints}). */
    private StudyOutputs outputs() {
        if (keepCheckpoints < 0) {
            throw new IllegalArgumentException("--keep-checkpoints must be >= 0 (0 = none), got " + keepCheckpoints);
        }
        requireWritableIfGiven(saveModels, "--save-models");
        requireWritableIfGiven(tensorboard, "--tensorboard");
        requireWritableIfGiven(checkpoints, "--checkpoints");
        Path checkpointRoot = keepCheckpoints == 0 ? null : checkpoints != null ? checkpoints
                : out.resolve(".checkpoints");
        return new StudyOutputs(saveModels, tensorboard, checkpointRoot, Math.max(1, keepCheckpoints));
    }

    private static void requireWritableIfGiven(Path dir, String option) {
        if (dir != null) {
            OutputFolders.requireWritable(dir, option);
        }
    }

    private static Device parseDevice(String text) {
        try {
            return Device.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + text + "'", e);
        }
    }

    /** The command as a user would retype it, for the docs: every setting explicit. */
    private String commandLine(Experiment<?> e, StudySettings settings, List<Activation> list) {
        StringBuilder s = new StringBuilder("bin/activation-lab ").append(seeds == null ? "reproduce " : "study ")
                .append(e.name())
                .append(" --activations ").append(list.stream().map(Activation::spec).collect(Collectors.joining(",")))
                .append(" --epochs ").append(settings.epochs())
                .append(seeds == null ? " --seed " + seed : " --seeds " + seeds);
        if (settings.threshold() != null) {
            s.append(" --threshold ").append(settings.threshold());
        }
        settings.options().forEach((name, value) -> s.append(" --").append(name).append(' ').append(value));
        if (settings.batchSize() != e.defaults().batchSize()) {
            s.append(" --batch-size ").append(settings.batchSize());
        }
        if (settings.trainLimit() > 0) {
            s.append(" --train-limit ").append(settings.trainLimit());
        }
        if (settings.device() != Device.CPU) {
            s.append(" --device ").append(settings.device().name().toLowerCase(Locale.ROOT));
        }
        if (deterministic) {
            s.append(" --deterministic");
        }
        if (settings.precision() != Precision.FP32) {
            s.append(" --precision ").append(settings.precision().cliName());
        }
        return s.toString();
    }
}
