package org.activationlab.study.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.activationlab.study.records.DecisionBoundary;

/**
 * A grid of decision-boundary panels in the style of TensorFlow Playground: the background is the trained model's
 * probability of the positive class (orange for negative, blue for positive, white at 0.5), the points are the
 * test set, and the 0.5 contour is drawn in black. Drawn with Java2D (XChart has no filled-contour chart).
 */
public final class DecisionBoundaryPlot {

    private static final int PANEL = 180;
    private static final int GAP = 12;
    private static final int ROW_LABEL = 90;
    private static final int HEADER = 44;
    private static final int CAPTION = 18;
    private static final Color NEGATIVE = new Color(245, 147, 34);
    private static final Color POSITIVE = new Color(8, 119, 189);

    /** One panel: the boundary, the points to draw on it, and a caption such as {@code epoch 61}. */
    public record Panel(DecisionBoundary boundary, float[] points, int[] labels, String caption) {
    }

    private DecisionBoundaryPlot() {
    }

    /**
     * Draws {@code panels[row][column]} (null for an empty cell) with the given row and column labels.
     *
     * @throws IllegalArgumentException if the label counts do not match the grid
     */
    public static void write(Path png, String title, List<String> rowLabels, List<String> columnLabels,
            Panel[][] panels) {
        if (panels.length != rowLabels.size() || panels.length == 0) {
            throw new IllegalArgumentException("expected " + rowLabels.size() + " rows of panels, got "
                    + panels.length);
        }
        int columns = columnLabels.size();
        int width = ROW_LABEL + columns * (PANEL + GAP) + GAP;
        int height = HEADER + panels.length * (PANEL + CAPTION + GAP) + GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, GAP, 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int c = 0; c < columns; c++) {
                g.drawString(columnLabels.get(c), ROW_LABEL + c * (PANEL + GAP) + 4, HEADER - 6);
            }
            for (int r = 0; r < panels.length; r++) {
                if (panels[r].length != columns) {
                    throw new IllegalArgumentException("row " + r + " has " + panels[r].length + " panels, expected "
                            + columns);
                }
                int top = HEADER + r * (PANEL + CAPTION + GAP);
                g.setColor(Color.BLACK);
                List<String> lines = wrapAtHyphens(rowLabels.get(r), g.getFontMetrics(), ROW_LABEL - GAP - 4);
                for (int l = 0; l < lines.size(); l++) {
                    g.drawString(lines.get(l), GAP, top + PANEL / 2 + 16 * l);
                }
                for (int c = 0; c < columns; c++) {
                    if (panels[r][c] != null) {
                        drawPanel(g, panels[r][c], ROW_LABEL + c * (PANEL + GAP), top);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ChartStyle.write(image, png);
    }

    /** A label such as {@code circle-playground-init} broken at hyphens into lines of at most {@code width}. */
    private static List<String> wrapAtHyphens(String label, java.awt.FontMetrics metrics, int width) {
        List<String> lines = new java.util.ArrayList<>();
        String line = "";
        for (String word : label.split("-")) {
            String longer = line.isEmpty() ? word : line + "-" + word;
            if (!line.isEmpty() && metrics.stringWidth(longer) > width) {
                lines.add(line + "-");
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    private static void drawPanel(Graphics2D g, Panel panel, int left, int top) {
        DecisionBoundary b = panel.boundary();
        double[][] grid = b.grid();
        int n = grid.length;
        for (int py = 0; py < PANEL; py++) {
            for (int px = 0; px < PANEL; px++) {
                // bilinear interpolation between grid points; row 0 is the bottom (x2 = min)
                double gx = px / (PANEL - 1.0) * (n - 1);
                double gy = (PANEL - 1 - py) / (PANEL - 1.0) * (n - 1);
                double p = sample(grid, gx, gy, n);
                g.setColor(background(p));
                g.fillRect(left + px, top + py, 1, 1);
                if (crossesHalf(grid, gx, gy, p, n)) {
                    g.setColor(Color.BLACK);
                    g.fillRect(left + px, top + py, 1, 1);
                }
            }
        }
        double span = b.max() - b.min();
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < panel.labels().length; i++) {
            double x = panel.points()[2 * i];
            double y = panel.points()[2 * i + 1];
            if (x < b.min() || x > b.max() || y < b.min() || y > b.max()) {
                continue;
            }
            int sx = left + (int) Math.round((x - b.min()) / span * (PANEL - 1));
            int sy = top + (int) Math.round((b.max() - y) / span * (PANEL - 1));
            g.setColor(panel.labels()[i] == 1 ? POSITIVE : NEGATIVE);
            g.fillOval(sx - 3, sy - 3, 6, 6);
            g.setColor(Color.WHITE);
            g.drawOval(sx - 3, sy - 3, 6, 6);
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, PANEL - 1, PANEL - 1);
        g.setColor(Color.BLACK);
        g.drawString(panel.caption(), left + 2, top + PANEL + 14);
    }

    /** Whether the 0.5 level passes within about one pixel: the probability's step to a neighbour changes side. */
    private static boolean crossesHalf(double[][] grid, double gx, double gy, double p, int n) {
        double step = (n - 1) / (PANEL - 1.0);
        double right = sample(grid, Math.min(gx + step, n - 1), gy, n);
        double up = sample(grid, gx, Math.min(gy + step, n - 1), n);
        return (p - 0.5) * (right - 0.5) < 0 || (p - 0.5) * (up - 0.5) < 0;
    }

    private static double sample(double[][] grid, double gx, double gy, int n) {
        int x0 = Math.min((int) gx, n - 2);
        int y0 = Math.min((int) gy, n - 2);
        double fx = gx - x0;
        double fy = gy - y0;
        return (1 - fy) * ((1 - fx) * grid[y0][x0] + fx * grid[y0][x0 + 1])
                + fy * ((1 - fx) * grid[y0 + 1][x0] + fx * grid[y0 + 1][x0 + 1]);
    }

    /** Orange below 0.5, blue above, fading to white at 0.5, as the playground shades its output. */
    private static Color background(double p) {
        double t = Math.min(1, Math.abs(p - 0.5) * 2);
        Color target = p >= 0.5 ? POSITIVE : NEGATIVE;
        double a = 0.55 * t;
        return new Color(mix(255, target.getRed(), a), mix(255, target.getGreen(), a), mix(255, target.getBlue(), a));
    }

    private static int mix(int from, int to, double a) {
        return (int) Math.round(from + (to - from) * a);
    }
}
