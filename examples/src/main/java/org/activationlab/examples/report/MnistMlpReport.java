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
import static org.activationlab.study.report.Markdown.mean;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;
import static org.activationlab.study.report.Markdown.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.activationlab.study.records.AtomicFiles;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.SplitMetrics;

/**
 * Renders {@code docs/results/mnist-mlp.md}: the MNIST MLP runs next to the paper's Tables 1 and 2, with the
 * protocol, environment, timings, training curves and the ways this reproduction differs from the paper.
 *
 * <p>The text depends only on the records (not on their order, the clock or the locale), so regenerating the
 * report from unchanged records gives byte-identical output and a clean diff.
 */
public final class MnistMlpReport {

    /** The experiment name the records must carry. */
    public static final String EXPERIMENT = "mnist-mlp";

    private static final int CURVE_EVERY = 10;

    private MnistMlpReport() {
    }

    /**
     * Renders the report.
     *
     * @param records the runs of the {@value #EXPERIMENT} experiment, in any order
     * @param reproduceCommand the command line that regenerates the records, shown verbatim
     * @throws IllegalArgumentException if there are no records, a record belongs to another experiment, or two
     *     records share an activation and seed
     */
    public static String render(List<RunRecord> records, String reproduceCommand, Path docsDir) {
        List<RunGroup> groups = RunGroup.of(records, EXPERIMENT, MnistMlpReport::paperRank);
        List<RunRecord> all = groups.stream().flatMap(g -> g.runs().stream()).toList();
        StringBuilder md = new StringBuilder();
        header(md, all, reproduceCommand);
        Markdown.protocol(md, groups);
        Markdown.environment(md, groups);
        Markdown.runs(md, groups);
        table1(md, groups);
        table2(md, groups);
        curves(md, groups);
        Figures figures = new Figures(docsDir, EXPERIMENT, groups);
        md.append(figures.section("validation"));
        Map<String, java.util.function.ToDoubleFunction<RunRecord>> metrics = new LinkedHashMap<>();
        metrics.put("F1", r -> r.test() == null ? Double.NaN : r.test().f1());
        metrics.put("precision", r -> r.test() == null ? Double.NaN : r.test().precision());
        metrics.put("recall", r -> r.test() == null ? Double.NaN : r.test().recall());
        metrics.put("accuracy", r -> r.test() == null ? Double.NaN : r.test().accuracy());
        md.append(figures.metricBars("test-metrics.png", "Test metrics (macro)", metrics));
        Markdown.significance(md, groups, List.of(
                new SignificanceMetric("test accuracy", r -> r.test() == null ? Double.NaN : r.test().accuracy(), true,
                        "%.4f"),
                new SignificanceMetric("test macro F1", r -> r.test() == null ? Double.NaN : r.test().f1(), true,
                        "%.4f"),
                new SignificanceMetric("validation loss", r -> r.validation() == null ? Double.NaN
                        : r.validation().loss(), false, "%.4f")),
                g -> g.label(groups), "bin/activation-lab study " + EXPERIMENT + " --seeds 5");
        differences(md, groups, all);
        return md.toString();
    }

    /** The position of an activation spec among the paper's rows; activations not in the paper go last. */
    private static int paperRank(String spec) {
        List<PaperResult> paper = PaperTables.results();
        for (int i = 0; i < paper.size(); i++) {
            if (paper.get(i).activation().spec().equals(spec)) {
                return i;
            }
        }
        return paper.size();
    }

    /** Writes the report atomically, so a reader or a concurrent {@code git add} never sees half a file. */
    public static void writeAtomically(Path file, String text) {
        AtomicFiles.writeString(file, text);
    }

    private static void header(StringBuilder md, List<RunRecord> all, String reproduceCommand) {
        md.append("# MNIST MLP: activation functions compared with the paper\n\n");
        md.append("> Generated by `bin/activation-lab report` from the JSON run records. Do not edit this file:"
                + " reproduce the records with the command below and regenerate it.\n\n");
        md.append("Reproduction of the MNIST multilayer-perceptron experiment of ").append(PaperTables.AUTHORS)
                .append(" (").append(PaperTables.AFFILIATION).append("), who report a single run of ")
                .append(PaperTables.EPOCHS).append(" epochs per activation.\n\n");
        Set<Integer> reduced = new TreeSet<>();
        for (RunRecord r : all) {
            if (r.protocol().epochs() < PaperTables.EPOCHS) {
                reduced.add(r.protocol().epochs());
            }
        }
        if (!reduced.isEmpty()) {
            md.append("**Reduced run: ").append(joinInts(reduced)).append(" epochs** instead of the paper's ")
                    .append(PaperTables.EPOCHS)
                    .append("; final values are not directly comparable with the paper's.\n\n");
        }
        md.append("## Reproduce\n\n```\n").append(reproduceCommand).append("\n```\n\n");
    }

    private static void table1(StringBuilder md, List<RunGroup> groups) {
        md.append("## Table 1: validation, final epoch\n\n");
        seedNote(md, groups);
        row(md, "Activation", "Paper loss", "Ours loss", "Paper accuracy", "Ours accuracy");
        separator(md, 5);
        for (RunGroup g : groups) {
            Optional<PaperResult> p = PaperTables.matching(g.runs().get(0).activation());
            row(md, g.display(),
                    paper(p, PaperResult::validationLoss), ours(g, RunRecord::validation, SplitMetrics::loss),
                    paper(p, PaperResult::validationAccuracy), ours(g, RunRecord::validation, SplitMetrics::accuracy));
        }
        md.append('\n');
    }

    private static void table2(StringBuilder md, List<RunGroup> groups) {
        md.append("## Table 2: test\n\n");
        md.append("Precision, recall and F1 are macro averages over the ten classes")
                .append(summarised(groups) ? "; ours is summarised as in Table 1.\n\n" : ".\n\n");
        row(md, "Activation", "Paper F1", "Ours F1", "Paper precision", "Ours precision", "Paper recall",
                "Ours recall", "Paper accuracy", "Ours accuracy");
        separator(md, 9);
        for (RunGroup g : groups) {
            Optional<PaperResult> p = PaperTables.matching(g.runs().get(0).activation());
            row(md, g.display(),
                    paper(p, PaperResult::testF1), ours(g, RunRecord::test, SplitMetrics::f1),
                    paper(p, PaperResult::testPrecision), ours(g, RunRecord::test, SplitMetrics::precision),
                    paper(p, PaperResult::testRecall), ours(g, RunRecord::test, SplitMetrics::recall),
                    paper(p, PaperResult::testAccuracy), ours(g, RunRecord::test, SplitMetrics::accuracy));
        }
        md.append('\n');
    }

    /** Whether some cell of ours is a mean over seeds or leaves out a diverged run. */
    private static boolean summarised(List<RunGroup> groups) {
        return groups.stream().anyMatch(g -> g.runs().size() > 1 || !g.diverged().isEmpty());
    }

    private static void seedNote(StringBuilder md, List<RunGroup> groups) {
        boolean multi = groups.stream().anyMatch(g -> g.runs().size() > 1);
        boolean anyDiverged = groups.stream().anyMatch(g -> !g.diverged().isEmpty());
        if (multi) {
            md.append("Where an activation has several seeds, ours is the mean ± sample standard deviation over its"
                    + " n finished runs; this describes the spread only and implies no confidence interval or"
                    + " significance test.");
        }
        if (anyDiverged) {
            md.append(multi ? " " : "").append("Diverged runs are left out of the metrics (see Runs).");
        }
        if (multi || anyDiverged) {
            md.append("\n\n");
        }
    }

    private static String paper(Optional<PaperResult> p, ToDoubleFunction<PaperResult> metric) {
        return p.map(r -> fmt("%.4f", metric.applyAsDouble(r))).orElse(NONE);
    }

    private static String ours(RunGroup g, Function<RunRecord, SplitMetrics> split,
            ToDoubleFunction<SplitMetrics> metric) {
        List<Double> values = g.finished().stream().map(split).filter(m -> m != null)
                .map(metric::applyAsDouble).toList();
        if (!values.isEmpty()) {
            return summary(values, "%.4f");
        }
        if (!g.diverged().isEmpty()) {
            return "diverged";
        }
        return NONE;
    }

    private static void curves(StringBuilder md, List<RunGroup> groups) {
        md.append("## Training curves\n\n");
        md.append("Every ").append(CURVE_EVERY).append("th epoch and the last. Training loss is the running mean"
                + " over the epoch's batches; validation is measured after the epoch.\n\n");
        for (RunGroup g : groups) {
            boolean multi = g.runs().size() > 1;
            md.append("### ").append(g.display()).append(multi ? " (mean over seeds)" : "").append("\n\n");
            Map<Integer, List<EpochRecord>> byEpoch = new LinkedHashMap<>();
            g.runs().stream().flatMap(r -> r.history().stream()).sorted(Comparator.comparingInt(EpochRecord::epoch))
                    .forEach(e -> byEpoch.computeIfAbsent(e.epoch(), k -> new ArrayList<>()).add(e));
            if (byEpoch.isEmpty()) {
                md.append("No epoch completed.\n\n");
                continue;
            }
            int last = byEpoch.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            if (multi) {
                row(md, "Epoch", "Train loss", "Valid loss", "Valid accuracy", "Runs");
                separator(md, 5);
            } else {
                row(md, "Epoch", "Train loss", "Valid loss", "Valid accuracy");
                separator(md, 4);
            }
            for (Map.Entry<Integer, List<EpochRecord>> e : byEpoch.entrySet()) {
                int epoch = e.getKey();
                if (epoch % CURVE_EVERY != 0 && epoch != last) {
                    continue;
                }
                List<EpochRecord> at = e.getValue();
                String trainLoss = fmt("%.4f", mean(at, EpochRecord::trainLoss));
                String valLoss = fmt("%.4f", mean(at, EpochRecord::valLoss));
                String valAccuracy = fmt("%.4f", mean(at, EpochRecord::valAccuracy));
                if (multi) {
                    row(md, Integer.toString(epoch), trainLoss, valLoss, valAccuracy, Integer.toString(at.size()));
                } else {
                    row(md, Integer.toString(epoch), trainLoss, valLoss, valAccuracy);
                }
            }
            md.append('\n');
        }
    }

    private static void differences(StringBuilder md, List<RunGroup> groups, List<RunRecord> all) {
        md.append("## Differences from the paper\n\n");
        Set<Integer> epochs = new TreeSet<>();
        all.forEach(r -> epochs.add(r.protocol().epochs()));
        if (!epochs.equals(Set.of(PaperTables.EPOCHS))) {
            boolean reduced = epochs.stream().anyMatch(e -> e < PaperTables.EPOCHS);
            md.append(reduced ? "- **Reduced run: " + joinInts(epochs) + " epochs**"
                    : "- **Epochs:** " + joinInts(epochs))
                    .append(" instead of the paper's ").append(PaperTables.EPOCHS).append(".\n");
        }
        md.append("- **Learning rate:** the paper does not state it, so ours is a choice: ")
                .append(distinct(all, r -> code(r.protocol().optimizer()))).append(".\n");
        String initializers = distinct(all, r -> code(r.protocol().initializer()));
        md.append("- **Initialization:** weights drawn with ").append(initializers)
                .append(initializers.contains(",") ? " (per activation, see Protocol)" : "")
                .append(", biases zero; initial weights necessarily differ from the paper's, and single runs are"
                        + " sensitive to them.\n");
        md.append("- **Framework:** TensorFlow ").append(distinct(all, r -> r.environment().tensorflowVersion()))
                .append(" through TensorFlow Java, not the paper's implementation; kernels and summation order"
                        + " differ, so identical settings still give slightly different numbers.\n");
        md.append("- **Determinism:** ").append(distinct(all, r -> r.protocol().deterministic()
                ? "TensorFlow ran single-threaded, so the same seed on the same machine and software repeats these"
                        + " numbers exactly"
                : "TensorFlow ran multi-threaded, so repeating a seed can change the last digits")).append(".\n");
        Markdown.precisionBullet(md, all);
        int maxSeeds = groups.stream().mapToInt(g -> g.runs().size()).max().orElseThrow();
        if (maxSeeds > 1) {
            md.append("- **Seeds:** the paper reports one run per activation; here up to ").append(maxSeeds)
                    .append(" seeds per activation are summarised as mean ± sample standard deviation.\n");
        } else {
            md.append("- **Seeds:** one run per activation, as in the paper; a single run cannot separate the"
                    + " activation's effect from seed-to-seed noise.\n");
        }
        Set<Integer> limits = new TreeSet<>();
        all.forEach(r -> limits.add(r.protocol().trainLimit()));
        limits.remove(0);
        if (!limits.isEmpty()) {
            md.append("- **Training data:** only the first ")
                    .append(limits.stream().map(l -> String.format(Locale.ROOT, "%,d", l))
                            .collect(Collectors.joining(" / ")))
                    .append(" training examples were used, not the full training split.\n");
        }
        List<RunRecord> diverged = all.stream().filter(RunRecord::diverged).toList();
        if (!diverged.isEmpty()) {
            md.append("- **Divergence:** ").append(diverged.stream()
                    .map(r -> r.activation().display() + " seed " + r.seed() + " diverged at epoch "
                            + r.divergedEpoch())
                    .collect(Collectors.joining("; "))).append("; these runs are left out of the metric tables.\n");
        }
    }
}
