package org.activationlab.examples.report;

import org.activationlab.study.report.SignificanceMetric;
import org.activationlab.study.report.Figures;
import org.activationlab.study.report.RunGroup;
import org.activationlab.study.report.Markdown;
import static org.activationlab.study.report.Markdown.NONE;
import static org.activationlab.study.report.Markdown.code;
import static org.activationlab.study.report.Markdown.distinct;
import static org.activationlab.study.report.Markdown.fmt;
import static org.activationlab.study.report.Markdown.joinInts;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;
import static org.activationlab.study.report.Markdown.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.Sequential;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.RunRecord;

/**
 * Renders the page of one of the CNN paper's studies ({@code docs/results/mnist-cnn.md} for Table 3,
 * {@code docs/results/cifar10-vgg11.md} for Table 4): our runs next to the paper's DAWNBench-style table
 * (training time, time to the accuracy threshold, inference time per sample, error rate), with the protocol, the
 * model summary, test accuracy and loss per epoch, and the ways this reproduction differs from the paper.
 *
 * <p>The text depends only on the records, so unchanged records give byte-identical output.
 */
public final class DawnBenchReport {

    private DawnBenchReport() {
    }

    /**
     * Renders the report.
     *
     * @param records the runs of the study's experiment, in any order
     * @param reproduceCommand the command line that regenerates the records, shown verbatim
     * @throws IllegalArgumentException if there are no records, one belongs to another experiment, one lacks the
     *     DAWNBench measurements, or two share an activation and seed
     */
    public static String render(List<RunRecord> records, String reproduceCommand, DawnBenchStudy study,
            Path docsDir) {
        List<RunGroup> groups = RunGroup.of(records, study.experiment(), study::rank);
        List<RunRecord> all = groups.stream().flatMap(g -> g.runs().stream()).toList();
        for (RunRecord r : all) {
            if (r.dawnbench() == null) {
                throw new IllegalArgumentException("run record of " + r.activation().spec() + " seed " + r.seed()
                        + " has no DAWNBench measurements; re-run it with `bin/activation-lab reproduce "
                        + study.experiment() + "`");
            }
        }
        StringBuilder md = new StringBuilder();
        header(md, all, reproduceCommand, study);
        table(md, groups, study);
        perEpoch(md, groups, "Test accuracy after each epoch", EpochRecord::valAccuracy, "%.4f");
        perEpoch(md, groups, "Test loss after each epoch", EpochRecord::valLoss, "%.4f");
        perEpoch(md, groups, "Training loss per epoch (running mean over the epoch, dropout on)",
                EpochRecord::trainLoss, "%.4f");
        perEpoch(md, groups, "Training time per epoch (s, evaluation excluded)", EpochRecord::trainSeconds, "%.2f");
        Figures figures = new Figures(docsDir, study.experiment(), groups);
        md.append(figures.section("test"));
        md.append(figures.bars("time-to-threshold.png", "Training time to " + percent(all.get(0).dawnbench()
                .threshold()) + " test accuracy", "seconds", r -> r.dawnbench().trainSecondsToThreshold()));
        Markdown.significance(md, groups, List.of(
                new SignificanceMetric("test accuracy", r -> r.test() == null ? Double.NaN : r.test().accuracy(), true,
                        "%.4f"),
                new SignificanceMetric("training seconds to " + percent(all.get(0).dawnbench().threshold()),
                        r -> r.dawnbench().trainSecondsToThreshold(), false, "%.1f"),
                new SignificanceMetric("training seconds in total", r -> r.dawnbench().totalTrainSeconds(), false,
                        "%.1f")),
                g -> g.label(groups), "bin/activation-lab study " + study.experiment() + " --seeds 5");
        Markdown.protocol(md, groups);
        modelSummary(md, groups, study);
        Markdown.environment(md, groups);
        Markdown.runs(md, groups);
        differences(md, groups, all, study);
        return md.toString();
    }

    private static void header(StringBuilder md, List<RunRecord> all, String reproduceCommand,
            DawnBenchStudy study) {
        String title = study.experiment().equals(CnnPaper.MNIST_TABLE_3.experiment()) ? "MNIST CNN" : "CIFAR-10 VGG-11";
        md.append("# ").append(title).append(": activation functions compared with the paper's ")
                .append(study.table()).append("\n\n");
        md.append("> Generated by `bin/activation-lab report` from the JSON run records. Do not edit this file:"
                + " reproduce the records with the command below and regenerate it.\n\n");
        md.append("Reproduction of ").append(study.description()).append(" of ").append(CnnPaper.CITATION)
                .append(". The paper reports one run of ").append(study.paperEpochs())
                .append(" epochs per activation, timed on an ").append(CnnPaper.HARDWARE)
                .append("; ours ran on the hardware described under Environment, so times compare hardware and"
                        + " framework as much as activations.\n\n");
        List<String> reduced = new ArrayList<>();
        Set<Integer> epochs = new TreeSet<>();
        all.forEach(r -> epochs.add(r.protocol().epochs()));
        if (!epochs.equals(Set.of(study.paperEpochs()))) {
            reduced.add(joinInts(epochs) + " epochs instead of " + study.paperEpochs());
        }
        Set<Integer> limits = new TreeSet<>();
        all.forEach(r -> limits.add(r.protocol().trainLimit()));
        limits.remove(0);
        if (!limits.isEmpty()) {
            reduced.add("a stratified subset of " + limits.stream().map(l -> fmt("%,.0f", (double) l))
                    .collect(Collectors.joining(" / ")) + " training images instead of all of them");
        }
        Set<Double> thresholds = new TreeSet<>();
        all.forEach(r -> thresholds.add(r.dawnbench().threshold()));
        if (!thresholds.equals(Set.of(study.paperThreshold()))) {
            reduced.add("accuracy threshold " + thresholds.stream().map(DawnBenchReport::percent)
                    .collect(Collectors.joining(", ")) + " instead of " + percent(study.paperThreshold()));
        }
        if (!reduced.isEmpty()) {
            md.append("**Reduced protocol:** ").append(String.join("; ", reduced))
                    .append(". Final values and times are not directly comparable with the paper's.\n\n");
        }
        Set<String> sources = new TreeSet<>();
        all.forEach(r -> sources.add(r.protocol().dataSource()));
        md.append("**Data:** ").append(String.join("; ", sources)).append(".\n\n");
        md.append("## Reproduce\n\n```\n").append(reproduceCommand).append("\n```\n\n");
        md.append("then `bin/activation-lab report` regenerates this page from `results/").append(study.experiment())
                .append("/*.json`.\n\n");
    }

    private static void table(StringBuilder md, List<RunGroup> groups, DawnBenchStudy study) {
        Set<String> thresholds = groups.stream().flatMap(g -> g.runs().stream())
                .map(r -> percent(r.dawnbench().threshold())).collect(Collectors.toCollection(TreeSet::new));
        String threshold = String.join(", ", thresholds);
        String paperThreshold = percent(study.paperThreshold());
        md.append("## ").append(study.table()).append(": training time, time to ").append(threshold)
                .append(" test accuracy, inference time, error rate\n\n");
        md.append("Paper / ours in each pair of columns. Ours: training time counts the training steps only (the"
                + " test-set evaluation after each epoch is excluded, as DAWNBench does); the threshold epoch is the"
                + " first whose test accuracy reaches ").append(threshold).append(", and its time is the training"
                + " time until the end of that epoch; inference is the time per sample over the "
                + fmt("%,.0f", (double) study.testImages()) + " test images in batches (data already in the graph; the paper's figure is most likely this kind),"
                + " and in brackets the median latency of classifying one image fed from Java. ")
                .append("\"not reached\" is the paper's N/A. The error rate is 1 - test accuracy after the last"
                        + " epoch.");
        if (groups.stream().anyMatch(g -> g.finished().size() > 1)) {
            md.append(" Where an activation has several seeds, ours is mean ± sample standard deviation (n runs);"
                    + " threshold epochs are listed per seed.");
        }
        md.append("\n\n");
        row(md, "Activation", "Paper training", "Ours training", "Paper inference (ms/sample)",
                "Ours inference (ms/sample) [single]", "Paper epoch ≥ " + paperThreshold, "Ours epoch ≥ " + threshold,
                "Paper time to " + paperThreshold, "Ours time to " + threshold, "Paper error", "Ours error");
        separator(md, 11);
        for (RunGroup g : groups) {
            Optional<DawnBenchPaperResult> p = study.matching(g.runs().get(0).activation());
            List<DawnBenchMetrics> d = g.finished().stream().map(RunRecord::dawnbench).toList();
            if (d.isEmpty()) {
                row(md, g.label(groups), p.map(r -> clock(r.totalTrainSeconds())).orElse(NONE), g.status(),
                        p.map(r -> fmt("%.5f", r.inferenceMillisPerSample())).orElse(NONE), NONE,
                        p.map(r -> epochCell(r.thresholdEpoch())).orElse(NONE), NONE,
                        p.map(r -> r.thresholdEpoch() == 0 ? "N/A" : clock(r.secondsToThreshold())).orElse(NONE),
                        NONE, p.map(r -> percent2(r.errorRate())).orElse(NONE), NONE);
                continue;
            }
            List<DawnBenchMetrics> reached = d.stream().filter(DawnBenchMetrics::reached).toList();
            String oursTime = reached.isEmpty() ? "not reached"
                    : summary(values(reached, DawnBenchMetrics::trainSecondsToThreshold), "%.1f") + " s"
                            + (reached.size() < d.size() ? " (" + (d.size() - reached.size()) + " not reached)" : "");
            row(md, g.label(groups),
                    p.map(r -> clock(r.totalTrainSeconds())).orElse(NONE),
                    summary(values(d, DawnBenchMetrics::totalTrainSeconds), "%.1f") + " s",
                    p.map(r -> fmt("%.5f", r.inferenceMillisPerSample())).orElse(NONE),
                    summary(values(d, DawnBenchMetrics::batchedMillisPerSample), "%.5f") + " ["
                            + summary(values(d, DawnBenchMetrics::singleSampleMedianMillis), "%.3f") + "]",
                    p.map(r -> epochCell(r.thresholdEpoch())).orElse(NONE),
                    d.stream().map(x -> epochCell(x.thresholdEpoch())).collect(Collectors.joining(", ")),
                    p.map(r -> r.thresholdEpoch() == 0 ? "N/A" : clock(r.secondsToThreshold())).orElse(NONE),
                    oursTime,
                    p.map(r -> percent2(r.errorRate())).orElse(NONE),
                    summaryPercent(values(d, DawnBenchMetrics::errorRate)));
        }
        md.append('\n');
    }

    private static List<Double> values(List<DawnBenchMetrics> d, ToDoubleFunction<DawnBenchMetrics> metric) {
        return d.stream().map(metric::applyAsDouble).toList();
    }

    private static String epochCell(int epoch) {
        return epoch == 0 ? "not reached" : Integer.toString(epoch);
    }

    /** The paper's h:mm:ss with the seconds spelled out. */
    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d (%d s)", s / 3600, s / 60 % 60, s % 60, s);
    }

    private static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString() + "%";
    }

    private static String percent2(double fraction) {
        return fmt("%.2f%%", fraction * 100);
    }

    private static String summaryPercent(List<Double> fractions) {
        return summary(fractions.stream().map(f -> f * 100).toList(), "%.2f%%");
    }

    /** One row per epoch, one column per activation (mean over its seeds when it has several). */
    private static void perEpoch(StringBuilder md, List<RunGroup> groups, String title,
            ToDoubleFunction<EpochRecord> metric, String format) {
        md.append("## ").append(title).append("\n\n");
        if (groups.stream().anyMatch(g -> g.runs().size() > 1)) {
            md.append("Activations with several seeds show the mean over the seeds that completed the epoch.\n\n");
        }
        List<String> header = new ArrayList<>(List.of("Epoch"));
        groups.forEach(g -> header.add(g.label(groups)));
        row(md, header.toArray(String[]::new));
        separator(md, header.size());
        int last = groups.stream().flatMap(g -> g.runs().stream()).mapToInt(r -> r.history().size()).max().orElse(0);
        for (int epoch = 1; epoch <= last; epoch++) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(epoch)));
            for (RunGroup g : groups) {
                int e = epoch;
                List<EpochRecord> at = g.runs().stream().filter(r -> r.history().size() >= e)
                        .map(r -> r.history().get(e - 1)).toList();
                cells.add(at.isEmpty() ? NONE : fmt(format, Markdown.mean(at, metric)));
            }
            row(md, cells.toArray(String[]::new));
        }
        md.append('\n');
    }

    private static void modelSummary(StringBuilder md, List<RunGroup> groups, DawnBenchStudy study) {
        md.append("### Model summary\n\n");
        md.append("As `bin/activation-lab summary ").append(study.experiment()).append(" --activation SPEC` prints it"
                + " (output shapes NHWC; torchsummary prints NCHW). ").append(study.modelNote()).append("\n\n");
        for (RunGroup g : groups) {
            Sequential model = study.model().apply(Activations.parse(g.spec()));
            md.append("- ").append(g.display()).append(": ")
                    .append(fmt("%,.0f", (double) model.trainableParameters())).append(" trainable parameters\n");
        }
        md.append("\n```\n").append(study.model().apply(Activations.parse(groups.get(0).spec())).summary())
                .append("```\n\n");
    }

    private static void differences(StringBuilder md, List<RunGroup> groups, List<RunRecord> all,
            DawnBenchStudy study) {
        md.append("## Differences from the paper\n\n");
        md.append("- **Hardware and framework:** the paper trained with PyTorch on an ").append(CnnPaper.HARDWARE)
                .append("; ours is TensorFlow ").append(distinct(all, r -> r.environment().tensorflowVersion()))
                .append(" through TensorFlow Java on ")
                .append(distinct(all, r -> r.environment().availableProcessors() + " CPU cores ("
                        + r.environment().cpuModel() + ")"))
                .append(". Absolute times are not comparable; ratios between activations are.\n");
        md.append("- **Timing definitions:** the paper does not say whether its training time includes the test"
                + " pass after each epoch or how it timed inference; ours excludes evaluation from training time"
                + " and reports inference both batched and per single image.\n");
        md.append("- **Initialization:** ").append(distinct(all, r -> code(r.protocol().initializer())))
                .append(", biases zero; PyTorch's default (which the paper most likely kept) draws weights and"
                        + " biases from U(±1/sqrt(fan_in)). Single runs are sensitive to the initial weights.\n");
        md.append("- **Layout:** NHWC (TensorFlow's CPU layout) instead of PyTorch's NCHW; the computation is the"
                + " same. Dropout masks come from TensorFlow's stateless generator seeded by the run seed and the"
                + " step.\n");
        md.append("- **Determinism:** ").append(distinct(all, r -> r.protocol().deterministic()
                ? "TensorFlow ran single-threaded, so the same seed on the same machine repeats these numbers"
                : "TensorFlow ran multi-threaded, so repeating a seed can change the last digits")).append(".\n");
        Markdown.precisionBullet(md, all);
        int maxSeeds = groups.stream().mapToInt(g -> g.runs().size()).max().orElseThrow();
        md.append(maxSeeds > 1
                ? "- **Seeds:** the paper reports one run per activation; here up to " + maxSeeds
                        + " seeds per activation are summarised.\n"
                : "- **Seeds:** one run per activation, as in the paper; differences of a few tenths of a percent"
                        + " between activations are within seed-to-seed noise and a single run cannot rank them.\n");
        md.append("- **Monitoring the test set:** as in the paper, the threshold epoch is read from the test set;"
                + " choosing anything by it would overfit the test set, so treat it as a speed measure only.\n");
        List<RunRecord> diverged = all.stream().filter(RunRecord::diverged).toList();
        if (!diverged.isEmpty()) {
            md.append("- **Divergence:** ").append(diverged.stream()
                    .map(r -> r.activation().display() + " seed " + r.seed() + " diverged at epoch "
                            + r.divergedEpoch())
                    .collect(Collectors.joining("; "))).append("; these runs are left out of Table 3.\n");
        }
    }
}
