package org.activationlab.study.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.activationlab.study.plots.Charts;
import org.activationlab.study.records.EpochRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.stats.Summary;

/**
 * The figures of an experiment's page, written as PNG under {@code <docs>/img/<experiment>/} and linked from the
 * page: per-epoch curves (mean over seeds with a min-max band), and bar charts of final metrics with their 95%
 * intervals where there are several seeds.
 */
public final class Figures {

    private final Path docsDir;
    private final String experiment;
    private final List<RunGroup> groups;

    public Figures(Path docsDir, String experiment, List<RunGroup> groups) {
        this.docsDir = docsDir;
        this.experiment = experiment;
        this.groups = groups;
    }

    private String link(String file) {
        return "img/" + experiment + "/" + file;
    }

    private Path png(String file) {
        return docsDir.resolve("img").resolve(experiment).resolve(file);
    }

    /**
     * The start of a page's figure section: its heading and caption, the training-loss curves and the curves of the
     * accuracy measured after each epoch on {@code monitored} (e.g. {@code validation} or {@code test}).
     */
    public String section(String monitored) {
        return "## Figures\n\nLines are means over seeds, bands span the lowest to the highest seed; bars are means"
                + " with 95% intervals where there are several seeds.\n\n"
                + curves("train-loss.png", "Training loss per epoch", "training loss", EpochRecord::trainLoss)
                + curves(monitored + "-accuracy.png", Character.toUpperCase(monitored.charAt(0))
                        + monitored.substring(1) + " accuracy after each epoch", monitored + " accuracy",
                        EpochRecord::valAccuracy);
    }

    /** Per-epoch curves of {@code metric} for every activation, one line per activation; returns the markdown. */
    private String curves(String file, String title, String yLabel, ToDoubleFunction<EpochRecord> metric) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            double[][] bySeed = g.runs().stream()
                    .map(r -> r.history().stream().mapToDouble(metric).toArray()).toArray(double[][]::new);
            if (java.util.Arrays.stream(bySeed).flatMapToDouble(java.util.Arrays::stream).anyMatch(Double::isFinite)) {
                series.put(g.label(groups), bySeed);
            }
        }
        if (series.isEmpty()) {
            return "";
        }
        Charts.curves(png(file), title, yLabel, series, false);
        return "![" + title + "](" + link(file) + ")\n\n";
    }

    /** Bars of final metrics per activation (means, with 95% CI half-widths when there are several seeds). */
    public String metricBars(String file, String title, Map<String, ToDoubleFunction<RunRecord>> metrics) {
        List<String> categories = groups.stream().map(g -> g.label(groups)).toList();
        Map<String, double[]> means = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        boolean anyInterval = false;
        for (Map.Entry<String, ToDoubleFunction<RunRecord>> m : metrics.entrySet()) {
            double[][] meanHalf = meanAndHalfWidth(m.getValue());
            means.put(m.getKey(), meanHalf[0]);
            errors.put(m.getKey(), meanHalf[1]);
            anyInterval |= meanHalf[2][0] > 0;
        }
        Charts.groupedBars(png(file), title, categories, means, anyInterval ? errors : null);
        return "![" + title + "](" + link(file) + ")\n\n";
    }

    /** One bar per activation: mean of {@code value} over the finished runs where it is finite. */
    public String bars(String file, String title, String yLabel, ToDoubleFunction<RunRecord> value) {
        List<String> categories = groups.stream().map(g -> g.label(groups)).toList();
        double[][] meanHalf = meanAndHalfWidth(value);
        Charts.bars(png(file), title, yLabel, categories, meanHalf[0], meanHalf[2][0] > 0 ? meanHalf[1] : null);
        return "![" + title + "](" + link(file) + ")\n\n";
    }

    /**
     * Per activation, the mean of {@code value} over its finished runs where it is finite (NaN if none) and the
     * half-width of its 95% interval (0 without one); a third row holds 1 if any activation has an interval.
     */
    private double[][] meanAndHalfWidth(ToDoubleFunction<RunRecord> value) {
        double[] mean = new double[groups.size()];
        double[] half = new double[groups.size()];
        double anyInterval = 0;
        for (int i = 0; i < groups.size(); i++) {
            double[] v = groups.get(i).finished().stream().mapToDouble(value).filter(Double::isFinite).toArray();
            mean[i] = Double.NaN;
            if (v.length > 0) {
                Summary s = Summary.of(v);
                mean[i] = s.mean();
                half[i] = s.hasInterval() ? (s.ciHigh() - s.ciLow()) / 2 : 0;
                anyInterval = s.hasInterval() ? 1 : anyInterval;
            }
        }
        return new double[][] {mean, half, {anyInterval}};
    }
}
