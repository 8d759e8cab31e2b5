package org.activationlab.study.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.stats.Comparison;
import org.activationlab.study.stats.Comparisons;
import org.activationlab.study.stats.Summary;

/** Markdown building blocks and the sections every experiment's page shares. */
public final class Markdown {

    /** An empty cell. */
    public static final String NONE = "—";

    private Markdown() {
    }

    public static void protocol(StringBuilder md, List<RunGroup> groups) {
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
        field(md, groups, "Preprocessing", r -> r.protocol().preprocessing());
        field(md, groups, "Device", r -> r.protocol().device());
        field(md, groups, "Weight initializer", r -> code(r.protocol().initializer()) + ", biases zero");
        field(md, groups, "Deterministic", r -> r.protocol().deterministic()
                ? "yes (single-threaded TensorFlow)" : "no (multi-threaded TensorFlow)");
        if (groups.stream().flatMap(g -> g.runs().stream()).anyMatch(r -> precision(r) != null)) {
            field(md, groups, "Precision", r -> precision(r) == null ? "fp32" : precision(r)
                    + " (TensorFlow's automatic mixed precision)");
        }
        md.append('\n');
    }

    /** A "Precision" bullet for a paper page's deviations, only when some of {@code records} ran in bf16. */
    public static void precisionBullet(StringBuilder md, List<RunRecord> records) {
        Set<String> precisions = records.stream().map(r -> precision(r) == null ? "fp32" : precision(r))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!precisions.equals(Set.of("fp32"))) {
            md.append("- **Precision:** ").append(String.join(" and ", precisions)).append(" (bf16: TensorFlow's"
                    + " automatic mixed precision, matrix products and convolutions in bfloat16 with float32"
                    + " variables; the paper trained in fp32).\n");
        }
    }

    /** How the run's session shared the cores: its timings compare only with runs that shared them alike. */
    static String threads(RunRecord r) {
        Integer t = r.environment().intraOpThreads();
        Boolean own = r.environment().intraOpPoolPerSession();
        return t == null ? "not recorded" : t == 0 ? "TensorFlow's default pools (one run at a time)"
                : t + " intra-op (runs side by side, sharing the cores" + (own == null ? "" : own ? "; a pool each"
                : "; one pool shared by the process") + ")";
    }

    /** The precision of a run when it is not the default fp32, else {@code null}. */
    public static String precision(RunRecord r) {
        return r.protocol().setting(Protocol.PRECISION_SETTING);
    }

    public static void environment(StringBuilder md, List<RunGroup> groups) {
        md.append("### Environment\n\n");
        field(md, groups, "CPU", r -> r.environment().cpuModel());
        field(md, groups, "Cores available", r -> Integer.toString(r.environment().availableProcessors()));
        if (groups.stream().flatMap(g -> g.runs().stream()).anyMatch(r -> r.environment().intraOpThreads() != null)) {
            field(md, groups, "TensorFlow threads per run", Markdown::threads);
        }
        field(md, groups, "OS", r -> r.environment().os() + " (" + r.environment().arch() + ")");
        field(md, groups, "Java", r -> r.environment().javaVersion() + " (" + r.environment().javaVendor() + ")");
        field(md, groups, "TensorFlow", r -> r.environment().tensorflowVersion());
        field(md, groups, "Activation Lab", r -> r.environment().activationLabVersion());
        field(md, groups, "Git commit", r -> code(r.environment().gitCommit()));
        md.append('\n');
    }

    /**
     * The note under a generated page's title: how many records it comes from and every distinct command that made
     * them.
     */
    public static void generatedFrom(StringBuilder md, List<RunRecord> records, String experiment) {
        // pages hold no machine paths, so the records folder is named as the option that chose it
        md.append("> Generated by `bin/activation-lab report [--out DIR]` from ").append(records.size())
                .append(" run records in `DIR/").append(experiment).append("/` (default `results/`); reproduce with ")
                .append(records.stream().map(r -> code(r.command())).distinct().collect(Collectors.joining(" and ")))
                .append(" (then the same `report`).\n\n");
    }

    /**
     * The environment section of an experiment with variants: one bullet per distinct machine, software and
     * commit, naming the variants whose runs it made (each record holds its own).
     */
    public static void environmentsByVariant(StringBuilder md, Map<String, List<RunRecord>> byVariant) {
        md.append("### Environment\n\n");
        Map<String, Set<String>> variantsByEnvironment = new java.util.LinkedHashMap<>();
        byVariant.forEach((variant, runs) -> runs.forEach(r -> variantsByEnvironment.computeIfAbsent(
                r.environment().cpuModel() + ", " + r.environment().availableProcessors() + " cores, "
                        + r.environment().os() + " (" + r.environment().arch() + "), Java "
                        + r.environment().javaVersion() + ", TensorFlow " + r.environment().tensorflowVersion()
                        + " on " + r.protocol().device() + ", commit " + code(r.environment().gitCommit()),
                k -> new LinkedHashSet<>()).add(variant)));
        variantsByEnvironment.forEach((environment, variants) -> md.append("- ").append(environment).append(": ")
                .append(String.join(", ", variants)).append('\n'));
        md.append('\n');
    }

    /**
     * One bullet for a setting: a single value when every run agrees, otherwise one sub-bullet per activation
     * (or per run, when an activation's seeds disagree), so that e.g. per-activation initializers stay readable.
     */
    public static void field(StringBuilder md, List<RunGroup> groups, String label, Function<RunRecord, String> value) {
        Set<String> distinct = groups.stream().flatMap(g -> g.runs().stream()).map(value)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (distinct.size() == 1) {
            md.append("- **").append(label).append(":** ").append(distinct.iterator().next()).append('\n');
            return;
        }
        md.append("- **").append(label).append(":** differs between runs:\n");
        for (RunGroup g : groups) {
            Set<String> values = g.runs().stream().map(value).collect(Collectors.toCollection(LinkedHashSet::new));
            if (values.size() == 1) {
                md.append("  - ").append(g.display()).append(": ").append(values.iterator().next()).append('\n');
            } else {
                for (RunRecord r : g.runs()) {
                    md.append("  - ").append(g.display()).append(" seed ").append(r.seed()).append(": ")
                            .append(value.apply(r)).append('\n');
                }
            }
        }
    }

    public static void runs(StringBuilder md, List<RunGroup> groups) {
        runs(md, groups, "## Runs");
    }

    /** The runs section under the given heading line, e.g. {@code ## Runs: depth-20-width-64}. */
    public static void runs(StringBuilder md, List<RunGroup> groups, String heading) {
        md.append(heading).append("\n\n");
        md.append("Training time is the recorded wall time of each run's training steps; per-epoch times are means"
                + " over every completed epoch of the activation's runs.\n\n");
        row(md, "Activation", "Seeds", "Status", "Training time per run (s)", "Train time per epoch (s)",
                "Eval time per epoch (s)");
        separator(md, 6);
        for (RunGroup g : groups) {
            List<EpochRecord> epochs = g.runs().stream().flatMap(r -> r.history().stream()).toList();
            row(md, g.display(),
                    g.runs().stream().map(r -> Long.toString(r.seed())).collect(Collectors.joining(", ")),
                    g.status(),
                    summary(g.runs().stream().map(RunRecord::trainingSeconds).toList(), "%.1f"),
                    epochs.isEmpty() ? NONE : fmt("%.2f", mean(epochs, EpochRecord::trainSeconds)),
                    epochs.isEmpty() ? NONE : fmt("%.2f", mean(epochs, EpochRecord::evalSeconds)));
        }
        md.append('\n');
    }

    /** The distinct values over all runs in first-seen order, joined; most settings have exactly one. */
    public static String distinct(List<RunRecord> all, Function<RunRecord, String> value) {
        return all.stream().map(value).distinct().collect(Collectors.joining(", "));
    }

    /**
     * The value itself for one run; for several, mean ± sample standard deviation with the 95% t interval and n
     * (commons-math, see {@link Summary}).
     */
    public static String summary(List<Double> values, String format) {
        if (values.size() == 1) {
            return fmt(format, values.get(0));
        }
        return Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray()).format(format);
    }

    /**
     * The significance section: each activation against the baseline (ReLU when present, else the first) on each
     * metric, by Welch's t-test over seeds with Holm's correction per metric, as a table and as generated sentences.
     * With one run per activation it says that no interval or test is possible.
     */
    public static void significance(StringBuilder md, List<RunGroup> groups, List<SignificanceMetric> metrics,
            Function<RunGroup, String> label, String studyCommand) {
        significance(md, groups, metrics, label, studyCommand, "relu");
    }

    /**
     * The significance section against {@code baselineSpec} (its activation spec, e.g. {@code relu}; the first
     * activation when no group has it).
     */
    public static void significance(StringBuilder md, List<RunGroup> groups, List<SignificanceMetric> metrics,
            Function<RunGroup, String> label, String studyCommand, String baselineSpec) {
        md.append("## Is the difference real?\n\n");
        int maxRuns = groups.stream().mapToInt(g -> g.finished().size()).max().orElse(0);
        if (maxRuns < 2 || groups.size() < 2) {
            md.append("Each activation has ").append(maxRuns < 2 ? "one finished run" : "its runs")
                    .append(groups.size() < 2 ? " and there is no other activation to compare with" : "")
                    .append(", so no confidence interval or significance test can be given: differences between"
                            + " activations here may be seed-to-seed noise. `").append(studyCommand)
                    .append("` runs several seeds per activation and fills this section.\n\n");
            return;
        }
        RunGroup baseline = groups.stream().filter(g -> g.spec().equals(baselineSpec)).findFirst()
                .orElse(groups.get(0));
        md.append("Each activation against ").append(label.apply(baseline)).append(" over its finished runs"
                + " (seeds): Welch's two-sided t-test, Holm's correction across the comparisons of one metric"
                + " (family-wise 5%), Hedges' g as effect size. \"Not significant\" means the data do not show a"
                + " difference, not that there is none.\n\n");
        row(md, "Metric", "Activation", "Mean (95% CI)", "Difference vs " + label.apply(baseline), "p (Welch)",
                "Holm p", "Hedges' g", "Conclusion");
        separator(md, 8);
        List<String> sentences = new java.util.ArrayList<>();
        for (SignificanceMetric m : metrics) {
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, RunGroup> byLabel = new LinkedHashMap<>();
            values.put(label.apply(baseline), valuesOf(baseline, m));
            byLabel.put(label.apply(baseline), baseline);
            for (RunGroup g : groups) {
                if (g != baseline && valuesOf(g, m).length > 0) {
                    values.put(label.apply(g), valuesOf(g, m));
                    byLabel.put(label.apply(g), g);
                }
            }
            if (values.get(label.apply(baseline)).length == 0) {
                continue;
            }
            for (Comparison c : Comparisons.againstBaseline(m.name(), label.apply(baseline), values, 0.05)) {
                row(md, m.name(), c.other(), c.otherSummary().format(m.format()),
                        fmt("%+" + m.format().substring(1), c.difference()),
                        Double.isNaN(c.pValue()) ? NONE : pValue(c.pValue()),
                        Double.isNaN(c.adjustedP()) ? NONE : pValue(c.adjustedP()),
                        Double.isNaN(c.hedgesG()) ? NONE : fmt("%.2f", c.hedgesG()),
                        !c.tested() ? "no test possible" : c.significant() ? "significant" : "not significant");
                sentences.add(Comparisons.sentence(c, m.name(), m.higherIsBetter(), m.format()));
            }
        }
        md.append('\n');
        sentences.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
    }

    /** The metric over the group's finished runs, finite values only. */
    static double[] valuesOf(RunGroup g, SignificanceMetric m) {
        return g.finished().stream().mapToDouble(m.value()).filter(Double::isFinite).toArray();
    }

    /** A p-value to three decimals, or {@code < 0.001}. */
    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : fmt("%.3f", p);
    }

    /** Mean test accuracy of the runs that were tested, with its 95% interval clipped to [0, 1]; — if none was. */
    public static String testAccuracy(List<RunRecord> runs, String format) {
        double[] v = runs.stream().filter(r -> r.test() != null).mapToDouble(r -> r.test().accuracy()).toArray();
        return v.length == 0 ? NONE : Summary.of(v).formatBounded(format, 1, 1);
    }

    public static double mean(List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> value) {
        return epochs.stream().mapToDouble(value).sum() / epochs.size();
    }

    public static String joinInts(Set<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    public static String code(String text) {
        return "`" + text + "`";
    }

    public static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String c : cells) {
            // a literal pipe would split the cell
            md.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    public static void separator(StringBuilder md, int columns) {
        md.append('|');
        md.append(" --- |".repeat(columns));
        md.append('\n');
    }
}
