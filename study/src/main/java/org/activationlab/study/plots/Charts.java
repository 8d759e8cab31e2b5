package org.activationlab.study.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Result plots as PNG files of a fixed size and style, from plain data so that any report can call them. Every
 * chart is {@value #WIDTH}x{@value #HEIGHT} pixels, white, with the legend right of the plot, series in the
 * iteration order of the maps given (pass a {@link java.util.LinkedHashMap} or {@link java.util.TreeMap}), and
 * the colour, marker and line style of series i fixed by i. Files are replaced atomically.
 *
 * <p>Rendering the same data twice on the same machine gives byte-identical files: nothing reads the clock, the
 * locale or a screen, and the PNG holds no metadata. Across machines the pixels can differ where the fonts do
 * (the logical font {@link Font#SANS_SERIF} maps to the installed sans-serif face) and with the JDK's rasteriser
 * and zlib versions.
 */
public final class Charts {

    /** Image width in pixels. */
    public static final int WIDTH = ChartStyle.WIDTH;
    /** Image height in pixels. */
    public static final int HEIGHT = ChartStyle.HEIGHT;

    /** Samples per function curve; odd, so a range symmetric about 0 samples 0 itself (where ReLU kinks). */
    public static final int FUNCTION_SAMPLES = 601;

    /** Appended to the category of a bar with no value (NaN). */
    public static final String NOT_REACHED = " (not reached)";

    /**
     * Prefix of the helper series (bands, reference lines): XChart keys series by name, and an invisible
     * separator keeps those names apart from any label a caller passes.
     */
    private static final String HELPER = "\u2063";

    static {
        // Charts are drawn into memory, never on a screen; without this, a desktop session's DISPLAY would start
        // the windowing toolkit. It only takes effect before AWT is first used, so the launcher should pass
        // -Djava.awt.headless=true as well (surefire does).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /**
     * Per-epoch curves, one per label: the mean over seeds as a line with markers, and a translucent band from the
     * minimum to the maximum over seeds. Epochs are on x starting at 1. Seeds may have different lengths (a
     * diverged run stops early) and NaN or infinite values; at each epoch the mean and band are over the seeds
     * with a finite value there, so the number of seeds behind a point can drop late in training.
     *
     * @param png the file to write
     * @param title chart title
     * @param yLabel y axis title, e.g. {@code training loss}
     * @param seriesBySeedByLabel label (e.g. activation) to values indexed [seed][epoch - 1]
     * @param logY logarithmic y axis (for losses); every finite value must then be positive
     * @throws IllegalArgumentException if there is nothing to plot, a label has no seeds, or {@code logY} is set
     *     and a finite value is not positive
     */
    public static void curves(Path png, String title, String yLabel, Map<String, double[][]> seriesBySeedByLabel,
            boolean logY) {
        curves(png, title, "epoch", 1, yLabel, seriesBySeedByLabel, logY);
    }

    /**
     * As {@link #curves(Path, String, String, Map, boolean)} with another x axis: index i of every series is drawn
     * at x = {@code firstX + i}, e.g. epochs from 0 (initialisation) or layers from 1.
     */
    public static void curves(Path png, String title, String xLabel, int firstX, String yLabel,
            Map<String, double[][]> seriesBySeedByLabel, boolean logY) {
        if (seriesBySeedByLabel.isEmpty()) {
            throw new IllegalArgumentException("no series to plot for '" + title + "'");
        }
        XYChart chart = xyChart(title, xLabel, yLabel);
        XYStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(logY);
        // losses often span less than a decade, which would leave a decade-only axis with one label or none
        styler.setYAxisLogarithmicDecadeOnly(false);
        // fractional ticks would read as fractional epochs
        styler.setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? Long.toString(Math.round(x)) : "");
        List<String> labels = new ArrayList<>(seriesBySeedByLabel.keySet());
        List<EpochBand> bands = new ArrayList<>();
        boolean anyValue = false;
        for (String label : labels) {
            EpochBand band = EpochBand.of(label, seriesBySeedByLabel.get(label));
            if (logY) {
                requirePositive(label, band);
            }
            anyValue |= Arrays.stream(band.count()).anyMatch(n -> n > 0);
            bands.add(band);
        }
        if (!anyValue) {
            throw new IllegalArgumentException("no finite values to plot for '" + title + "'");
        }
        if (logY) {
            // over several decades, intermediate ticks (2, 3, ... 9 of every decade) would overlap
            double lo = bands.stream().flatMapToDouble(b -> Arrays.stream(b.min())).filter(Double::isFinite).min()
                    .orElse(1);
            double hi = bands.stream().flatMapToDouble(b -> Arrays.stream(b.max())).filter(Double::isFinite).max()
                    .orElse(1);
            styler.setYAxisLogarithmicDecadeOnly(hi / lo > 100);
        }
        // bands first, so that every mean line is drawn on top of every band
        for (int i = 0; i < labels.size(); i++) {
            List<double[][]> polygons = bands.get(i).polygons();
            for (int p = 0; p < polygons.size(); p++) {
                XYSeries s = chart.addSeries(HELPER + labels.get(i) + " band " + p,
                        shift(polygons.get(p)[0], firstX - 1), polygons.get(p)[1]);
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                s.setLineStyle(SeriesLines.NONE);
                s.setMarker(SeriesMarkers.NONE);
                s.setFillColor(ChartStyle.bandColour(i));
                s.setShowInLegend(false);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            EpochBand band = bands.get(i);
            XYSeries s = chart.addSeries(labels.get(i), shift(band.epochNumbers(), firstX - 1), band.mean());
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            styleLine(s, i, true);
        }
        ChartStyle.write(chart, png);
    }

    /**
     * The fraction of runs that have reached an event by each epoch, one step curve per label, on a logarithmic
     * epoch axis: e.g. the share of seeds converged by epoch e. A curve that ends below 100% shows the runs that
     * never got there within the budget.
     *
     * @param png the file to write
     * @param title chart title
     * @param eventEpochs label to the epoch of each run's event, 0 for a run without one
     * @param budget the last epoch any run could reach, where every curve ends
     * @throws IllegalArgumentException if there is nothing to plot, a label has no runs, or an epoch is outside
     *     0..budget
     */
    public static void reachedByEpoch(Path png, String title, Map<String, int[]> eventEpochs, int budget) {
        if (eventEpochs.isEmpty() || budget < 1) {
            throw new IllegalArgumentException("nothing to plot for '" + title + "' (budget " + budget + ")");
        }
        XYChart chart = xyChart(title, "epoch (log)", "runs reached (%)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        int i = 0;
        for (Map.Entry<String, int[]> e : eventEpochs.entrySet()) {
            int[] epochs = e.getValue().clone();
            if (epochs.length == 0) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has no runs");
            }
            Arrays.sort(epochs);
            List<Double> x = new ArrayList<>(List.of(1.0));
            List<Double> y = new ArrayList<>(List.of(0.0));
            int reached = 0;
            for (int epoch : epochs) {
                if (epoch < 0 || epoch > budget) {
                    throw new IllegalArgumentException("series '" + e.getKey() + "' has epoch " + epoch
                            + " outside 0.." + budget);
                }
                if (epoch == 0) {
                    continue;
                }
                x.add((double) epoch);
                y.add(100.0 * reached / epochs.length);
                reached++;
                x.add((double) epoch);
                y.add(100.0 * reached / epochs.length);
            }
            x.add((double) budget);
            y.add(100.0 * reached / epochs.length);
            XYSeries s = chart.addSeries(e.getKey(), x.stream().mapToDouble(Double::doubleValue).toArray(),
                    y.stream().mapToDouble(Double::doubleValue).toArray());
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            styleLine(s, i++, false);
        }
        ChartStyle.write(chart, png);
    }

    private static double[] shift(double[] x, int by) {
        return Arrays.stream(x).map(v -> v + by).toArray();
    }

    /**
     * Grouped bars: for each category (e.g. activation) one bar per series (e.g. F1, precision, recall,
     * accuracy), optionally with error bars. The y axis starts at 0. A NaN value draws no bar, and the category's
     * label then names the series without a value, e.g. {@code ReLU (no F1)}, so that a missing bar is not read as
     * zero.
     *
     * @param png the file to write
     * @param title chart title
     * @param categories the groups along x, in order
     * @param seriesToValues series name to one value per category, in legend order
     * @param errors series name to one error-bar half-width per category (e.g. a confidence interval); null for
     *     no error bars, and a series missing from the map or a NaN half-width has none
     * @throws IllegalArgumentException if there are no categories or series, or an array's length is not the
     *     number of categories
     */
    public static void groupedBars(Path png, String title, List<String> categories,
            Map<String, double[]> seriesToValues, Map<String, double[]> errors) {
        if (categories.isEmpty() || seriesToValues.isEmpty()) {
            throw new IllegalArgumentException("no categories or series to plot for '" + title + "'");
        }
        for (Map.Entry<String, double[]> e : seriesToValues.entrySet()) {
            requireLength(e.getKey(), e.getValue(), categories.size());
        }
        List<String> labels = groupLabels(categories, seriesToValues);
        CategoryChart chart = categoryChart(title, null, labels);
        int i = 0;
        for (Map.Entry<String, double[]> e : seriesToValues.entrySet()) {
            double[] half = errors == null ? null : errors.get(e.getKey());
            if (half != null) {
                requireLength(e.getKey() + " errors", half, categories.size());
            }
            addBars(chart, e.getKey(), labels, e.getValue(), half, i++);
        }
        ChartStyle.write(chart, png);
    }

    /**
     * One bar per category (e.g. time to the accuracy threshold per activation), optionally with error bars, and
     * no legend. The y axis starts at 0. A NaN value (e.g. threshold not reached) draws no bar and appends
     * {@code " (not reached)"} to the category's label.
     *
     * @param png the file to write
     * @param title chart title
     * @param yLabel y axis title, e.g. {@code seconds to 98% test accuracy}
     * @param categories the bars along x, in order
     * @param values one value per category, NaN for none
     * @param errors one error-bar half-width per category, NaN for none; null for no error bars
     * @throws IllegalArgumentException if there are no categories or an array's length is not the number of
     *     categories
     */
    public static void bars(Path png, String title, String yLabel, List<String> categories, double[] values,
            double[] errors) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("no categories to plot for '" + title + "'");
        }
        requireLength("values", values, categories.size());
        if (errors != null) {
            requireLength("errors", errors, categories.size());
        }
        List<String> labels = barLabels(categories, values);
        CategoryChart chart = categoryChart(title, yLabel, labels);
        chart.getStyler().setLegendVisible(false);
        if (Arrays.stream(values).allMatch(Double::isNaN)) {
            // an axis from 0 to 0 would put the lone 0 tick mid-plot
            chart.getStyler().setYAxisMax(1.0);
        }
        addBars(chart, yLabel == null ? "value" : yLabel, labels, values, errors, 0);
        ChartStyle.write(chart, png);
    }

    /**
     * Functions of x drawn as lines (e.g. an activation and its derivative), each sampled at
     * {@value #FUNCTION_SAMPLES} evenly spaced points including both ends, with a horizontal and a vertical line
     * through 0 for reference. A non-finite f(x) leaves a gap.
     *
     * @param png the file to write
     * @param title chart title
     * @param curves legend label to function, in legend order
     * @param from smallest x
     * @param to largest x
     * @throws IllegalArgumentException if there are no curves or {@code from >= to}
     */
    public static void functions(Path png, String title, Map<String, DoubleUnaryOperator> curves, double from,
            double to) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to plot for '" + title + "'");
        }
        if (!(from < to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("need finite from < to, got [" + from + ", " + to + "]");
        }
        XYChart chart = xyChart(title, "x", "y");
        double[] x = new double[FUNCTION_SAMPLES];
        // from + step * i would drift; this hits from, to and (for a symmetric range) 0 exactly
        Arrays.setAll(x, i -> from + (to - from) * i / (FUNCTION_SAMPLES - 1));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> ys = new ArrayList<>();
        for (DoubleUnaryOperator f : curves.values()) {
            double[] y = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double v = f.applyAsDouble(x[j]);
                y[j] = Double.isFinite(v) ? v : Double.NaN;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            ys.add(y);
        }
        addAxisLines(chart, from, to, lo, hi);
        int i = 0;
        for (String label : curves.keySet()) {
            XYSeries s = chart.addSeries(label, x, ys.get(i));
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            styleLine(s, i, false);
            i++;
        }
        ChartStyle.write(chart, png);
    }

    /** The category labels of {@link #groupedBars}: a category with NaN values names the series without one. */
    public static List<String> groupLabels(List<String> categories, Map<String, double[]> seriesToValues) {
        List<String> labels = new ArrayList<>(categories);
        for (int c = 0; c < categories.size(); c++) {
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, double[]> e : seriesToValues.entrySet()) {
                if (Double.isNaN(e.getValue()[c])) {
                    missing.add(e.getKey());
                }
            }
            if (!missing.isEmpty()) {
                labels.set(c, categories.get(c) + " (no " + String.join(", ", missing) + ")");
            }
        }
        return labels;
    }

    /** The category labels of {@link #bars}: a NaN value's category is marked as not reached. */
    public static List<String> barLabels(List<String> categories, double[] values) {
        List<String> labels = new ArrayList<>(categories);
        for (int c = 0; c < categories.size(); c++) {
            if (Double.isNaN(values[c])) {
                labels.set(c, categories.get(c) + NOT_REACHED);
            }
        }
        return labels;
    }

    /** Thin grey lines y = 0 and x = 0 where they fall inside the data, drawn under the curves. */
    private static void addAxisLines(XYChart chart, double from, double to, double lo, double hi) {
        if (lo <= 0 && hi >= 0) {
            XYSeries s = chart.addSeries(HELPER + "y=0", new double[] {from, to}, new double[] {0, 0});
            axisLine(s);
        }
        if (from <= 0 && to >= 0 && lo <= hi) {
            XYSeries s = chart.addSeries(HELPER + "x=0", new double[] {0, 0}, new double[] {lo, hi});
            axisLine(s);
        }
    }

    private static void axisLine(XYSeries s) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(Color.GRAY);
        s.setLineStyle(new BasicStroke(1.0f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    private static XYChart xyChart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        ChartStyle.apply(chart.getStyler());
        return chart;
    }

    private static CategoryChart categoryChart(String title, String yLabel, List<String> labels) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(yLabel == null ? "" : yLabel).build();
        CategoryStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setXAxisTitleVisible(false);
        styler.setYAxisTitleVisible(yLabel != null);
        styler.setAvailableSpaceFill(0.8);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLegendPosition(LegendPosition.OutsideE);
        // horizontal labels overlap once they are wider than their share of the axis
        styler.setXAxisLabelRotation(labelsFit(styler.getAxisTickLabelsFont(), labels) ? 0 : 30);
        return chart;
    }

    /** Whether the widest label fits in its category's share of the plot width, measured with the label font. */
    private static boolean labelsFit(Font font, List<String> labels) {
        // the same render context on every machine: identity transform, no anti-aliasing, fractional metrics
        FontRenderContext frc = new FontRenderContext(null, false, true);
        double widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, font.getStringBounds(label, frc).getWidth());
        }
        // roughly the plot width once the y axis and the legend have taken their share
        double share = (WIDTH - 250.0) / labels.size();
        return widest + 10 <= share;
    }

    private static void addBars(CategoryChart chart, String name, List<String> labels, double[] values,
            double[] errors, int index) {
        // XChart 3.8.8 misplaces error bars after a null value, so a missing bar is a zero-height bar instead
        List<Double> ys = new ArrayList<>(values.length);
        List<Double> es = new ArrayList<>(values.length);
        for (int c = 0; c < values.length; c++) {
            boolean missing = Double.isNaN(values[c]);
            ys.add(missing ? 0.0 : values[c]);
            es.add(missing || errors == null || Double.isNaN(errors[c]) ? 0.0 : errors[c]);
        }
        CategorySeries s = errors == null ? chart.addSeries(name, labels, ys) : chart.addSeries(name, labels, ys, es);
        s.setFillColor(ChartStyle.colour(index));
        s.setLineColor(ChartStyle.colour(index));
    }

    private static void styleLine(XYSeries s, int index, boolean markers) {
        s.setLineColor(ChartStyle.colour(index));
        s.setLineStyle(ChartStyle.line(index));
        s.setMarkerColor(ChartStyle.colour(index));
        s.setMarker(markers ? ChartStyle.marker(index) : SeriesMarkers.NONE);
    }

    private static void requireLength(String name, double[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %s values, expected one per"
                    + " category (%d)", name, values == null ? "no" : Integer.toString(values.length), expected));
        }
    }

    private static void requirePositive(String label, EpochBand band) {
        for (int e = 0; e < band.epochs(); e++) {
            if (band.count()[e] > 0 && !(band.min()[e] > 0)) {
                throw new IllegalArgumentException("series '" + label + "' has the value " + band.min()[e]
                        + " at epoch " + (e + 1) + ", which a logarithmic y axis cannot show");
            }
        }
    }
}
