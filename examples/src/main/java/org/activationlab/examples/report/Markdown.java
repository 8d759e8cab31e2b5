package org.activationlab.examples.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.activationlab.examples.records.EpochRecord;
import org.activationlab.examples.records.RunRecord;

/** Markdown building blocks and the sections every experiment's page shares. */
final class Markdown {

    /** An empty cell. */
    static final String NONE = "—";

    private Markdown() {
    }

    static void protocol(StringBuilder md, List<RunGroup> groups) {
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
        md.append('\n');
    }

    static void environment(StringBuilder md, List<RunGroup> groups) {
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
    static void field(StringBuilder md, List<RunGroup> groups, String label, Function<RunRecord, String> value) {
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

    static void runs(StringBuilder md, List<RunGroup> groups) {
        md.append("## Runs\n\n");
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
    static String distinct(List<RunRecord> all, Function<RunRecord, String> value) {
        return all.stream().map(value).distinct().collect(Collectors.joining(", "));
    }

    /** The value itself for one run; mean ± sample standard deviation and n for several. */
    static String summary(List<Double> values, String format) {
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

    static double mean(List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> value) {
        return epochs.stream().mapToDouble(value).sum() / epochs.size();
    }

    static String joinInts(Set<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    static String code(String text) {
        return "`" + text + "`";
    }

    static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String c : cells) {
            // a literal pipe would split the cell
            md.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    static void separator(StringBuilder md, int columns) {
        md.append('|');
        md.append(" --- |".repeat(columns));
        md.append('\n');
    }
}
