package org.activationlab.study.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.activationlab.study.records.AtomicFiles;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one fixed look of every chart (size, fonts, colours, markers, legend) and the PNG renderer. Everything that
 * could vary between runs is pinned: the chart never reads the clock, the locale or the screen, and the image is
 * painted into an in-memory buffer with explicit rendering hints.
 */
public final class ChartStyle {

    /** Image width in pixels. */
    public static final int WIDTH = 800;
    /** Image height in pixels. */
    public static final int HEIGHT = 500;

    /**
     * Tableau 10, distinguishable on screen and in print. Series 11 to 20 reuse the colours with a dashed line;
     * markers cycle with period 7, so marked curves stay distinct for 70 series.
     */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
    };
    private static final BasicStroke SOLID = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10.0f, new float[] {6.0f, 4.0f}, 0.0f);
    /** Alpha of the band around a mean line: light enough that overlapping bands stay readable. */
    private static final int BAND_ALPHA = 48;

    // A logical font: the JDK maps it to an installed sans-serif face (DejaVu Sans on Debian), so the same name
    // works everywhere, though the face, and so the pixels, depend on the machine's fonts.
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    /** The colour of series {@code index}. */
    public static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** The colour of series {@code index}, translucent for a band. */
    public static Color bandColour(int index) {
        Color c = colour(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA);
    }

    /** The marker of series {@code index}. */
    public static Marker marker(int index) {
        return MARKERS[index % MARKERS.length];
    }

    /** Solid for the first round of colours, dashed for the next, and so on. */
    public static BasicStroke line(int index) {
        return (index / PALETTE.length) % 2 == 0 ? SOLID : DASHED;
    }

    /** Applies the fixed fonts, colours, legend and number format shared by line and bar charts. */
    public static void apply(AxesChartStyler s) {
        s.setBaseFont(new Font(FONT, Font.PLAIN, 12));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setAxisTickMarksColor(Color.DARK_GRAY);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setChartTitleBoxVisible(false);
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Color.GRAY);
        s.setMarkerSize(6);
        s.setErrorBarsColor(Color.BLACK);
        // tick labels use the JVM's default locale unless told otherwise (a comma decimal separator in Germany)
        s.setLocale(Locale.ROOT);
        // sharp edges for lines, markers, bands and bars: anti-aliased edge pixels are where rasterisers differ
        // most. XChart 3.8.8 forces anti-aliasing on while it paints text (title, legend, axis titles and tick
        // labels) and the legend, so those stay smooth whatever this says.
        s.setAntiAlias(false);
        s.setToolTipsEnabled(false);
    }

    /**
     * Paints the chart into a fixed-size RGB buffer and writes it as PNG, atomically (temporary file in the same
     * folder, then rename).
     */
    public static void write(Chart<?, ?> chart, Path png) {
        AtomicFiles.write(png, pngBytes(chart));
    }

    /** The PNG encoding of the chart: IHDR, IDAT and IEND only, so no time stamp or other metadata. */
    private static byte[] pngBytes(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            // fractional metrics: glyph advances come from the font's outlines, not from the rasteriser's
            // hinting, which differs between FreeType builds
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return pngBytes(image);
    }

    /** Atomically writes an image drawn by hand (not by XChart) as PNG, without metadata. */
    public static void write(BufferedImage image, Path png) {
        AtomicFiles.write(png, pngBytes(image));
    }

    private static byte[] pngBytes(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JVM has no PNG image writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // an in-memory stream: ImageIO.write would otherwise buffer through a temporary file in java.io.tmpdir
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
