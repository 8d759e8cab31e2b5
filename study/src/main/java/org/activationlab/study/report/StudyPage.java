package org.activationlab.study.report;

import static org.activationlab.study.report.Markdown.NONE;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;
import static org.activationlab.study.report.Markdown.summary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.records.SplitMetrics;

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
        return md.toString();
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
