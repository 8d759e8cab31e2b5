package org.activationlab.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.examples.bench.BenchVariant;
import org.activationlab.examples.bench.BenchmarkReport;
import org.activationlab.examples.bench.InterleavedBenchmark;
import org.activationlab.examples.bench.StudyGridVariant;
import org.activationlab.examples.bench.SystemInfo;
import org.activationlab.examples.bench.Timings;
import org.activationlab.study.Execution;
import org.activationlab.study.Experiment;
import org.activationlab.study.RunMemory;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudyPlan;
import org.activationlab.study.StudySettings;
import org.activationlab.study.WorkerCount;
import org.activationlab.tf.Device;
import org.activationlab.tf.Precision;
import org.activationlab.tf.PrecisionSupport;

/**
 * {@code benchmark --study}: the wall time of a small grid of an experiment trained one run after another and with
 * several runs side by side, in one process, interleaved by round, with the speed-up per round.
 */
final class StudyBenchmark {

    private static final String SEQUENTIAL = "sequential (1 worker)";
    private static final String BF16 = "sequential bf16";

    private final Experiment<?> experiment;
    private final Map<String, String> options;
    private final DatasetResolver resolver;

    StudyBenchmark(Experiment<?> experiment, Map<String, String> options, DatasetResolver resolver) {
        this.experiment = experiment;
        this.options = options;
        this.resolver = resolver;
    }

    void run(int epochs, int trainLimit, int requestedWorkers, int rounds, boolean withBf16, PrintWriter out,
            PrintWriter err) throws IOException {
        if (withBf16) {
            PrecisionSupport.require(Precision.BF16, Device.CPU);
        }
        run(experiment, epochs, trainLimit, requestedWorkers, rounds, withBf16, out, err);
    }

    private <D> void run(Experiment<D> e, int epochs, int trainLimit, int requestedWorkers, int rounds,
            boolean withBf16, PrintWriter out, PrintWriter err) throws IOException {
        StudySettings fp32 = settings(e, epochs, trainLimit, Precision.FP32);
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        D data = e.prepare(fp32, Experiment.DataContext.of(resolver, log));
        int cores = Runtime.getRuntime().availableProcessors();
        WorkerCount count = WorkerCount.choose(requestedWorkers, Integer.MAX_VALUE, e.bytesPerRun(data), cores,
                RunMemory.available(), false, false);
        int workers = count.workers();
        List<Activation> activations = e.defaultActivations().subList(0, Math.min(2, e.defaultActivations().size()));
        List<Long> seeds = StudyGrid.firstSeeds(workers);
        int runs = activations.size() * seeds.size() * e.variants(fp32).size();
        String parallel = workers + " workers side by side";
        Set<String> said = new LinkedHashSet<>();
        // every round prints the same worker line; once is enough, and the runs' epoch lines would drown the table
        Consumer<String> quiet = line -> {
            if (line.startsWith("activation-lab: ") && said.add(line)) {
                log.accept(line);
            }
        };
        List<BenchVariant> variants = new ArrayList<>();
        try {
            variants.add(new StudyGridVariant(SEQUENTIAL, e, data, plan(fp32, activations, seeds, quiet, 1),
                    resolver));
            if (workers > 1) {
                variants.add(new StudyGridVariant(parallel, e, data, plan(fp32, activations, seeds, quiet, workers),
                        resolver));
            }
            if (withBf16) {
                variants.add(new StudyGridVariant(BF16, e, data, plan(settings(e, epochs, trainLimit,
                        Precision.BF16), activations, seeds, quiet, 1), resolver));
            }
            quiet.accept("activation-lab: " + count.line());
            Map<String, Timings> timings = InterleavedBenchmark.run(variants, rounds, log);
            Map<String, Double> accuracy = new LinkedHashMap<>();
            variants.forEach(v -> accuracy.put(v.name(), v.accuracy(null)));
            String title = String.format(Locale.ROOT, "benchmark study %s: %s x seeds 1..%d = %d runs of %d epoch%s"
                    + "%s, %s%s in one process", e.name(), activations.stream()
                    .map(Activation::spec).collect(Collectors.joining(", ")), seeds.size(), runs, epochs,
                    epochs == 1 ? "" : "s", trainLimit > 0 ? String.format(Locale.ROOT, " on %,d training examples",
                    trainLimit) : "", workers > 1 ? "one run after another vs " + workers + " side by side"
                    : "one run after another", withBf16 ? ", fp32 vs bf16" : "");
            String setup = String.format(Locale.ROOT, "wall seconds of the whole grid (data prepared once, before);"
                    + " 1 untimed warm-up + %d timed round%s, interleaved; mean test accuracy of the last grid",
                    rounds, rounds == 1 ? "" : "s");
            new BenchmarkReport(title, setup, timings, accuracy, "test acc", SEQUENTIAL).lines(SystemInfo.peakRssKb(),
                    SystemInfo.tensorflowVersion(), SystemInfo.cpuModel(), cores).forEach(out::println);
            if (timings.containsKey(parallel)) {
                out.println(speedUp("speed-up with " + parallel, timings.get(SEQUENTIAL), timings.get(parallel)));
            } else {
                out.println("speed-up: not measured (1 worker: " + count.line() + ")");
            }
            if (timings.containsKey(BF16)) {
                out.println(speedUp("bf16 speed-up over fp32, one run after another (below 1: bf16 is slower)",
                        timings.get(SEQUENTIAL), timings.get(BF16)));
            }
            out.flush();
        } finally {
            variants.forEach(BenchVariant::close);
        }
    }

    /** {@code base / other} of the medians, and per round (min, median, max over the rounds). */
    static String speedUp(String label, Timings base, Timings other) {
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < base.seconds().size(); i++) {
            perRound.add(base.seconds().get(i) / other.seconds().get(i));
        }
        Timings ratios = new Timings(perRound);
        return String.format(Locale.ROOT, "%s: %.2fx (median / median); per round min %.2fx, median %.2fx, max %.2fx",
                label, base.median() / other.median(), ratios.min(), ratios.median(), ratios.max());
    }

    private StudySettings settings(Experiment<?> e, int epochs, int trainLimit, Precision precision) {
        return e.configure(new SettingsRequest(epochs, null, trainLimit > 0 ? trainLimit : null, null, false,
                Device.CPU, options, precision));
    }

    private static StudyPlan plan(StudySettings settings, List<Activation> activations, List<Long> seeds,
            Consumer<String> log, int workers) {
        return new StudyPlan(settings, activations, seeds, null, true, "bin/activation-lab benchmark --study", false,
                log, null, null, Execution.inProcess(workers));
    }
}
