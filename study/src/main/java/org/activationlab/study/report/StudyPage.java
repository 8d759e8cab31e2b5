package org.activationlab.study.report;

import static org.activationlab.study.report.Markdown.NONE;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;
import static org.activationlab.study.report.Markdown.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.SplitMetrics;
import org.activationlab.study.stats.Comparison;
import org.activationlab.study.stats.Comparisons;
import org.activationlab.study.stats.Summary;

/**
 * The generic page of a study, for any experiment and a user's own: the protocol, per activation the mean ± sd
 * with the 95% interval of the validation and test metrics and of the training time, time to the threshold where
 * one was set, Welch's test with Holm's correction and Hedges' g against the baseline, curves with seed bands and
 * metric bars. A pure function of the records.
 */
public final class StudyPage {

    private StudyPage() {
    }

    public static String render(List<RunRecord> records, Path docsDir, PageInfo page) {
        return render(records, List.of(), docsDir, page);
    }

    /**
     * The page of runs with other settings than {@code mainRecords}, the runs of the experiment's main folder: as
     * {@link #render(List, Path, PageInfo)}, plus each activation's test accuracy here against there.
     */
    public static String render(List<RunRecord> records, List<RunRecord> mainRecords, Path docsDir, PageInfo page) {
        List<RunGroup> groups = RunGroup.of(records, page.experiment(), spec -> spec.equals(page.baseline()) ? 0 : 1);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(page.title()).append("\n\n");
        Markdown.generatedFrom(md, records, page.experiment());
        Markdown.protocol(md, groups);
        Markdown.environment(md, groups);
        Markdown.runs(md, groups);
        results(md, groups);
        boolean validated = records.stream().anyMatch(r -> r.validation() != null);
        Figures figures = new Figures(docsDir, page.id(), groups);
        md.append(figures.section(validated ? "validation" : "test"));
        Map<String, ToDoubleFunction<RunRecord>> bars = new LinkedHashMap<>();
        bars.put("accuracy", r -> r.test() == null ? Double.NaN : r.test().accuracy());
        bars.put("F1", r -> r.test() == null ? Double.NaN : r.test().f1());
        bars.put("precision", r -> r.test() == null ? Double.NaN : r.test().precision());
        bars.put("recall", r -> r.test() == null ? Double.NaN : r.test().recall());
        md.append(figures.metricBars("test-metrics.png", "Test metrics (macro)", bars));
        md.append(figures.bars("training-time.png", "Training time per run", "seconds", RunRecord::trainingSeconds));
        List<SignificanceMetric> tests = new java.util.ArrayList<>(List.of(
                new SignificanceMetric("test accuracy", test(SplitMetrics::accuracy), true, "%.4f"),
                new SignificanceMetric("test macro F1", test(SplitMetrics::f1), true, "%.4f")));
        if (validated) {
            tests.add(new SignificanceMetric("validation loss", r -> r.validation() == null ? Double.NaN
                    : r.validation().loss(), false, "%.4f"));
        }
        Markdown.significance(md, groups, tests, g -> g.label(groups), page.studyCommand(), page.baseline());
        if (!mainRecords.isEmpty()) {
            againstMainSettings(md, groups, RunGroup.of(mainRecords, page.experiment(), spec -> 0), page,
                    tests.get(0));
        }
        return md.toString();
    }

    /**
     * Per activation with finished runs on both sides, {@code metric} under these settings against the main
     * settings: two groups compared, never pooled; Holm's correction across the activations.
     */
    private static void againstMainSettings(StringBuilder md, List<RunGroup> groups, List<RunGroup> main,
            PageInfo page, SignificanceMetric metric) {
        String mainSettings = "main settings";
        List<Comparison> comparisons = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (RunGroup g : groups) {
            double[] here = Markdown.valuesOf(g, metric);
            double[] there = main.stream().filter(m -> m.spec().equals(g.spec())).findFirst()
                    .map(m -> Markdown.valuesOf(m, metric)).orElse(new double[0]);
            if (here.length > 0 && there.length > 0) {
                Map<String, double[]> values = new LinkedHashMap<>();
                values.put(mainSettings, there);
                values.put("these settings", here);
                // a family of one: its adjusted p is the raw one; Holm across the activations is applied below
                comparisons.add(Comparisons.againstBaseline(metric.name(), mainSettings, values, 0.05).get(0));
                labels.add(g.label(groups));
            }
        }
        if (comparisons.isEmpty()) {
            return;
        }
        double[] holm = Comparisons.holm(comparisons.stream().mapToDouble(Comparison::pValue).toArray());
        String f = metric.format();
        String signed = "%+" + f.substring(1);
        md.append("## Against the main settings\n\n");
        md.append("These runs differ in their settings from those of [").append(page.experiment()).append("](")
                .append(page.experiment()).append(".md). Per activation, ").append(metric.name())
                .append(" here against there over the finished runs: the difference (these minus main settings)"
                + " with its 95% Welch interval (for that activation alone, not adjusted for the several"
                + " activations), Welch's two-sided t-test, and Holm's correction of the p-values across the"
                + " activations (family-wise 5%), which the conclusion follows. The two sets of runs are compared,"
                + " never pooled; \"no difference shown\" means the data do not show one, not that there is"
                + " none.\n\n");
        row(md, "Activation", "Main settings", "These settings", "Difference [95% CI]", "p (Welch)", "Holm p",
                "Conclusion");
        separator(md, 7);
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            double[] interval = c.differenceInterval();
            boolean significant = c.tested() && holm[i] < c.alpha();
            boolean better = (c.difference() > 0) == metric.higherIsBetter();
            row(md, labels.get(i), bounded(c.baselineSummary(), f), bounded(c.otherSummary(), f),
                    Markdown.fmt(signed, c.difference()) + (c.tested() ? " [" + Markdown.fmt(signed, interval[0])
                            + ", " + Markdown.fmt(signed, interval[1]) + "]" : ""),
                    c.tested() ? Markdown.pValue(c.pValue()) : NONE,
                    c.tested() ? Markdown.pValue(holm[i]) : NONE,
                    !c.tested() ? "no test possible (fewer than two runs, or no spread)"
                            : significant ? (better ? "better" : "worse") + " under these settings"
                            : "no difference shown");
        }
        md.append('\n');
    }

    /** Mean (95% interval clipped to [0, 1]), n: for fractions such as accuracy. */
    private static String bounded(Summary s, String format) {
        return s.formatBounded(format, 1, 1) + ", n=" + s.n();
    }

    private static ToDoubleFunction<RunRecord> test(ToDoubleFunction<SplitMetrics> metric) {
        return r -> r.test() == null ? Double.NaN : metric.applyAsDouble(r.test());
    }

    private static void results(StringBuilder md, List<RunGroup> groups) {
        md.append("## Results\n\n");
        md.append("Final metrics over each activation's finished runs: the value itself for one run, else mean ±"
                + " sample standard deviation [95% t interval] (n). Precision, recall and F1 are macro averages"
                + " over the dataset's classes.\n\n");
        boolean timed = groups.stream().flatMap(g -> g.runs().stream()).anyMatch(r -> r.dawnbench() != null);
        List<String> header = new java.util.ArrayList<>(List.of("Activation", "Validation loss",
                "Validation accuracy", "Test loss", "Test accuracy", "Test macro F1", "Training time (s)"));
        if (timed) {
            header.add("Epoch reaching the threshold");
        }
        row(md, header.toArray(String[]::new));
        separator(md, header.size());
        for (RunGroup g : groups) {
            List<String> cells = new java.util.ArrayList<>(List.of(g.display(),
                    cell(g, RunRecord::validation, SplitMetrics::loss),
                    cell(g, RunRecord::validation, SplitMetrics::accuracy),
                    cell(g, RunRecord::test, SplitMetrics::loss),
                    cell(g, RunRecord::test, SplitMetrics::accuracy),
                    cell(g, RunRecord::test, SplitMetrics::f1),
                    summary(g.finished().stream().map(RunRecord::trainingSeconds).toList(), "%.1f")));
            if (timed) {
                List<Double> epochs = g.finished().stream().map(RunRecord::dawnbench)
                        .filter(d -> d != null && d.reached()).map(d -> (double) d.thresholdEpoch()).toList();
                long missed = g.finished().stream().map(RunRecord::dawnbench)
                        .filter(d -> d != null && !d.reached()).count();
                cells.add((epochs.isEmpty() ? NONE : summary(epochs, "%.1f"))
                        + (missed > 0 ? " (" + missed + " not reached)" : ""));
            }
            row(md, cells.toArray(String[]::new));
        }
        md.append('\n');
        groups.stream().flatMap(g -> g.runs().stream()).map(RunRecord::dawnbench).filter(d -> d != null)
                .map(DawnBenchMetrics::threshold).distinct().forEach(t -> md.append("Threshold: ")
                        .append(Markdown.fmt("%.4f", t)).append(" ").append("accuracy on the monitored split.\n\n"));
    }

    private static String cell(RunGroup g, Function<RunRecord, SplitMetrics> split,
            ToDoubleFunction<SplitMetrics> metric) {
        List<Double> values = g.finished().stream().map(split).filter(m -> m != null).map(metric::applyAsDouble)
                .filter(Double::isFinite).toList();
        if (!values.isEmpty()) {
            return summary(values, "%.4f");
        }
        return g.finished().isEmpty() && !g.diverged().isEmpty() ? "diverged" : NONE;
    }
}
