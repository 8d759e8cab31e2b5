package org.activationlab.examples.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.activationlab.examples.records.AtomicFiles;
import org.activationlab.examples.records.EpochRecord;
import org.activationlab.examples.records.RunRecord;
import org.activationlab.examples.records.SplitMetrics;

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
    private static final String NONE = "—";

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
    public static String render(List<RunRecord> records, String reproduceCommand) {
        List<Group> groups = group(records);
        List<RunRecord> all = groups.stream().flatMap(g -> g.runs.stream()).toList();
        StringBuilder md = new StringBuilder();
        header(md, all, reproduceCommand);
        protocol(md, groups);
        environment(md, groups);
        runs(md, groups);
        table1(md, groups);
        table2(md, groups);
        curves(md, groups);
        differences(md, groups, all);
        return md.toString();
    }

    /** Writes the report atomically, so a reader or a concurrent {@code git add} never sees half a file. */
    public static void writeAtomically(Path file, String text) {
        AtomicFiles.writeString(file, text);
    }

    /** The runs of one activation, sorted by seed. */
    private record Group(String spec, String display, List<RunRecord> runs) {

        List<RunRecord> finished() {
            return runs.stream().filter(r -> !r.diverged()).toList();
        }

        List<RunRecord> diverged() {
            return runs.stream().filter(RunRecord::diverged).toList();
        }
    }

    private static List<Group> group(List<RunRecord> records) {
        if (records == null || records.isEmpty()) {
            throw new IllegalArgumentException("no run records to report; run the " + EXPERIMENT
                    + " experiment first so that its records exist in the results directory");
        }
        Map<String, List<RunRecord>> bySpec = new LinkedHashMap<>();
        for (RunRecord r : records) {
            if (!EXPERIMENT.equals(r.experiment())) {
                throw new IllegalArgumentException("run record of " + r.activation().spec() + " seed " + r.seed()
                        + " belongs to experiment '" + r.experiment() + "', not '" + EXPERIMENT
                        + "'; report each experiment from its own records");
            }
            bySpec.computeIfAbsent(r.activation().spec(), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        for (List<RunRecord> runs : bySpec.values()) {
            List<RunRecord> sorted = runs.stream().sorted(Comparator.comparingLong(RunRecord::seed)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).seed() == sorted.get(i - 1).seed()) {
                    throw new IllegalArgumentException("two run records for " + sorted.get(i).activation().spec()
                            + " seed " + sorted.get(i).seed() + "; keep only one of them");
                }
            }
            RunRecord first = sorted.get(0);
            groups.add(new Group(first.activation().spec(), first.activation().display(), sorted));
        }
        // the paper's activations first, in its order, so the tables read like the paper's
        groups.sort(Comparator.comparingInt(MnistMlpReport::paperRank).thenComparing(Group::spec));
        return groups;
    }

    private static int paperRank(Group g) {
        List<PaperResult> paper = PaperTables.results();
        for (int i = 0; i < paper.size(); i++) {
            if (paper.get(i).activation().spec().equals(g.spec)) {
                return i;
            }
        }
        return paper.size();
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

    private static void protocol(StringBuilder md, List<Group> groups) {
        md.append("## Protocol\n\n");
        field(md, groups, "Model", r -> code(r.protocol().model()));
        field(md, groups, "Trainable parameters", r -> String.format(Locale.ROOT, "%,d", r.protocol().parameters()));
        field(md, groups, "Optimizer", r -> code(r.protocol().optimizer()));
        field(md, groups, "Batch size", r -> Integer.toString(r.protocol().batchSize()));
        field(md, groups, "Epochs", r -> Integer.toString(r.protocol().epochs()));
        field(md, groups, "Split", r -> r.protocol().split());
        field(md, groups, "Training examples used", r -> r.protocol().trainLimit() == 0 ? "all"
                : String.format(Locale.ROOT, "first %,d", r.protocol().trainLimit()));
        field(md, groups, "Data source", r -> r.protocol().dataSource());
        field(md, groups, "Weight initializer", r -> code(r.protocol().initializer()) + ", biases zero");
        field(md, groups, "Deterministic", r -> r.protocol().deterministic()
                ? "yes (single-threaded TensorFlow)" : "no (multi-threaded TensorFlow)");
        md.append('\n');
    }

    private static void environment(StringBuilder md, List<Group> groups) {
        md.append("### Environment\n\n");
        field(md, groups, "CPU", r -> r.environment().cpuModel());
        field(md, groups, "Cores available", r -> Integer.toString(r.environment().availableProcessors()));
        field(md, groups, "OS", r -> r.environment().os() + " (" + r.environment().arch() + ")");
        field(md, groups, "Java", r -> r.environment().javaVersion() + " (" + r.environment().javaVendor() + ")");
        field(md, groups, "TensorFlow", r -> r.environment().tensorflowVersion());
        field(md, groups, "Activation Lab", r -> r.environment().activationLabVersion());
        field(md, groups, "Git commit", r -> code(r.environment().gitCommit()));
        md.append('\n');
    }

    /**
     * One bullet for a setting: a single value when every run agrees, otherwise one sub-bullet per activation
     * (or per run, when an activation's seeds disagree), so that e.g. per-activation initializers stay readable.
     */
    private static void field(StringBuilder md, List<Group> groups, String label, Function<RunRecord, String> value) {
        Set<String> distinct = groups.stream().flatMap(g -> g.runs.stream()).map(value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (distinct.size() == 1) {
            md.append("- **").append(label).append(":** ").append(distinct.iterator().next()).append('\n');
            return;
        }
        md.append("- **").append(label).append(":** differs between runs:\n");
        for (Group g : groups) {
            Set<String> values = g.runs.stream().map(value).collect(Collectors.toCollection(LinkedHashSet::new));
            if (values.size() == 1) {
                md.append("  - ").append(g.display).append(": ").append(values.iterator().next()).append('\n');
            } else {
                for (RunRecord r : g.runs) {
                    md.append("  - ").append(g.display).append(" seed ").append(r.seed()).append(": ")
                            .append(value.apply(r)).append('\n');
                }
            }
        }
    }

    private static void runs(StringBuilder md, List<Group> groups) {
        md.append("## Runs\n\n");
        md.append("Training time is the recorded wall time of each run; per-epoch times are means over every"
                + " completed epoch of the activation's runs.\n\n");
        row(md, "Activation", "Seeds", "Status", "Training time per run (s)", "Train time per epoch (s)",
                "Eval time per epoch (s)");
        separator(md, 6);
        for (Group g : groups) {
            List<EpochRecord> epochs = g.runs.stream().flatMap(r -> r.history().stream()).toList();
            row(md, g.display,
                    g.runs.stream().map(r -> Long.toString(r.seed())).collect(Collectors.joining(", ")),
                    status(g),
                    summary(g.runs.stream().map(RunRecord::trainingSeconds).toList(), "%.1f"),
                    epochs.isEmpty() ? NONE : fmt("%.2f", mean(epochs, EpochRecord::trainSeconds)),
                    epochs.isEmpty() ? NONE : fmt("%.2f", mean(epochs, EpochRecord::evalSeconds)));
        }
        md.append('\n');
    }

    private static String status(Group g) {
        List<RunRecord> diverged = g.diverged();
        if (diverged.isEmpty()) {
            return g.runs.size() == 1 ? "finished" : "all finished";
        }
        String which = diverged.stream()
                .map(r -> (g.runs.size() == 1 ? "" : "seed " + r.seed() + " ") + "diverged at epoch "
                        + r.divergedEpoch())
                .collect(Collectors.joining("; "));
        int finished = g.runs.size() - diverged.size();
        return finished == 0 ? which : finished + " finished; " + which;
    }

    private static void table1(StringBuilder md, List<Group> groups) {
        md.append("## Table 1: validation, final epoch\n\n");
        seedNote(md, groups);
        row(md, "Activation", "Paper loss", "Ours loss", "Paper accuracy", "Ours accuracy");
        separator(md, 5);
        for (Group g : groups) {
            Optional<PaperResult> p = PaperTables.matching(g.runs.get(0).activation());
            row(md, g.display,
                    paper(p, PaperResult::validationLoss), ours(g, RunRecord::validation, SplitMetrics::loss),
                    paper(p, PaperResult::validationAccuracy), ours(g, RunRecord::validation, SplitMetrics::accuracy));
        }
        md.append('\n');
    }

    private static void table2(StringBuilder md, List<Group> groups) {
        md.append("## Table 2: test\n\n");
        md.append("Precision, recall and F1 are macro averages over the ten classes")
                .append(summarised(groups) ? "; ours is summarised as in Table 1.\n\n" : ".\n\n");
        row(md, "Activation", "Paper F1", "Ours F1", "Paper precision", "Ours precision", "Paper recall",
                "Ours recall", "Paper accuracy", "Ours accuracy");
        separator(md, 9);
        for (Group g : groups) {
            Optional<PaperResult> p = PaperTables.matching(g.runs.get(0).activation());
            row(md, g.display,
                    paper(p, PaperResult::testF1), ours(g, RunRecord::test, SplitMetrics::f1),
                    paper(p, PaperResult::testPrecision), ours(g, RunRecord::test, SplitMetrics::precision),
                    paper(p, PaperResult::testRecall), ours(g, RunRecord::test, SplitMetrics::recall),
                    paper(p, PaperResult::testAccuracy), ours(g, RunRecord::test, SplitMetrics::accuracy));
        }
        md.append('\n');
    }

    /** Whether some cell of ours is a mean over seeds or leaves out a diverged run. */
    private static boolean summarised(List<Group> groups) {
        return groups.stream().anyMatch(g -> g.runs.size() > 1 || !g.diverged().isEmpty());
    }

    private static void seedNote(StringBuilder md, List<Group> groups) {
        boolean multi = groups.stream().anyMatch(g -> g.runs.size() > 1);
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

    private static String ours(Group g, Function<RunRecord, SplitMetrics> split,
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

    private static void curves(StringBuilder md, List<Group> groups) {
        md.append("## Training curves\n\n");
        md.append("Every ").append(CURVE_EVERY).append("th epoch and the last. Training loss is the running mean"
                + " over the epoch's batches; validation is measured after the epoch.\n\n");
        for (Group g : groups) {
            boolean multi = g.runs.size() > 1;
            md.append("### ").append(g.display).append(multi ? " (mean over seeds)" : "").append("\n\n");
            Map<Integer, List<EpochRecord>> byEpoch = new LinkedHashMap<>();
            g.runs.stream().flatMap(r -> r.history().stream()).sorted(Comparator.comparingInt(EpochRecord::epoch))
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

    private static void differences(StringBuilder md, List<Group> groups, List<RunRecord> all) {
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
        int maxSeeds = groups.stream().mapToInt(g -> g.runs.size()).max().orElseThrow();
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

    /** The distinct values over all runs in first-seen order, joined; most settings have exactly one. */
    private static String distinct(List<RunRecord> all, Function<RunRecord, String> value) {
        return all.stream().map(value).distinct().collect(Collectors.joining(", "));
    }

    /** The value itself for one run; mean ± sample standard deviation and n for several. */
    private static String summary(List<Double> values, String format) {
        if (values.size() == 1) {
            return fmt(format, values.get(0));
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (values.size() - 1));
        return fmt(format, mean) + " ± " + fmt(format, sd) + " (n=" + values.size() + ")";
    }

    private static double mean(List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> value) {
        return epochs.stream().mapToDouble(value).sum() / epochs.size();
    }

    private static String joinInts(Set<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String c : cells) {
            // a literal pipe would split the cell
            md.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    private static void separator(StringBuilder md, int columns) {
        md.append('|');
        md.append(" --- |".repeat(columns));
        md.append('\n');
    }
}
