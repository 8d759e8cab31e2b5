package org.activationlab.examples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The benchmark's result table as text: one row per variant with the median, minimum and maximum seconds per
 * epoch, the ratio of its median to the baseline's, and the accuracy reached at the end; then the environment.
 * Numbers are formatted with {@link Locale#ROOT}, so the layout never depends on the machine's locale.
 *
 * @param title first line, what was measured
 * @param setup second line, how it was measured
 * @param timings each variant's timings by name, in display order
 * @param accuracy each variant's final accuracy by name (the accuracy column is omitted if empty)
 * @param accuracyLabel the accuracy column's heading, e.g. {@code test acc}
 * @param baseline the name of the variant the ratios are relative to
 */
public record BenchmarkReport(String title, String setup, Map<String, Timings> timings, Map<String, Double> accuracy,
        String accuracyLabel, String baseline) {

    public BenchmarkReport {
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
        if (!timings.containsKey(baseline)) {
            throw new IllegalArgumentException("the baseline '" + baseline + "' is not among " + timings.keySet());
        }
    }

    /** The table rows, header first. */
    public List<String> tableLines() {
        int width = Math.max("variant".length(), timings.keySet().stream().mapToInt(String::length).max().orElse(0));
        boolean withAccuracy = !accuracy.isEmpty();
        String rowFormat = "%-" + width + "s  %12s  %8s  %8s  %7s" + (withAccuracy ? "  %9s" : "%s");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, rowFormat, "variant", "median s/ep", "min", "max", "vs base",
                withAccuracy ? accuracyLabel : "").stripTrailing());
        double base = timings.get(baseline).median();
        for (Map.Entry<String, Timings> e : timings.entrySet()) {
            Timings t = e.getValue();
            Double acc = accuracy.get(e.getKey());
            lines.add(String.format(Locale.ROOT, rowFormat, e.getKey(), seconds(t.median()), seconds(t.min()),
                    seconds(t.max()), ratio(t.median(), base),
                    withAccuracy ? (acc == null ? "-" : String.format(Locale.ROOT, "%.4f", acc)) : "").stripTrailing());
        }
        return lines;
    }

    /** The whole report: title, setup, table and the environment lines. */
    public List<String> lines(OptionalLong peakRssKb, String tensorflowVersion, String cpuModel, int processors) {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(setup);
        lines.addAll(tableLines());
        lines.add("ratios: median / median of '" + baseline + "' (lower is faster)");
        lines.add("JVM peak RSS (VmHWM): " + rss(peakRssKb));
        lines.add(String.format(Locale.ROOT, "TensorFlow %s; CPU %s; %d available processors", tensorflowVersion,
                cpuModel, processors));
        return lines;
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String ratio(double value, double base) {
        return String.format(Locale.ROOT, "%.2fx", value / base);
    }

    static String rss(OptionalLong kb) {
        return kb.isPresent()
                ? String.format(Locale.ROOT, "%d MiB (%d kB)", Math.round(kb.getAsLong() / 1024.0), kb.getAsLong())
                : "unavailable (no /proc/self/status)";
    }
}
