package org.activationlab.study.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final List<String> ACTIVATIONS = List.of("ReLU", "Tanh", "Sigmoid");

    @TempDir
    Path dir;

    @Test
    void curvesHaveTheFixedSizeAndTheSameBytesWhenRenderedAgain() throws IOException {
        Path first = dir.resolve("loss.png");
        Path second = dir.resolve("again/loss.png");

        Charts.curves(first, "Training loss", "training loss", losses(), true);
        Charts.curves(second, "Training loss", "training loss", losses(), true);

        assertFixedSize(first);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void raggedAndDivergedSeedsArePlottedOverTheSeedsThatHaveTheEpoch() throws IOException {
        Map<String, double[][]> accuracy = new LinkedHashMap<>();
        // the second seed stops after two epochs, the third diverged at epoch 3 (NaN) and stopped
        accuracy.put("ReLU", new double[][] {{0.5, 0.6, 0.7, 0.8}, {0.7, 0.8}, {0.6, 0.7, Double.NaN}});
        accuracy.put("Sigmoid", new double[][] {{0.2}, {}});
        Path png = dir.resolve("accuracy.png");

        Charts.curves(png, "Validation accuracy", "validation accuracy", accuracy, false);

        assertFixedSize(png);
    }

    @Test
    void curvesRejectWhatCannotBePlotted() {
        Path png = dir.resolve("bad.png");
        Map<String, double[][]> zeroLoss = Map.of("ReLU", new double[][] {{1.0, 0.0}});
        Map<String, double[][]> allNaN = Map.of("ReLU", new double[][] {{Double.NaN}});

        IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
                () -> Charts.curves(png, "t", "loss", zeroLoss, true));
        assertTrue(log.getMessage().contains("ReLU") && log.getMessage().contains("epoch 2"), log.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.curves(png, "t", "loss", allNaN, false));
        assertThrows(IllegalArgumentException.class, () -> Charts.curves(png, "t", "loss", Map.of(), false));
        assertFalse(Files.exists(png));
    }

    @Test
    void barsDrawNoBarForNaNAndMarkItsCategoryNotReached() throws IOException {
        double[] seconds = {12.5, Double.NaN, 30.0};
        Path first = dir.resolve("time.png");
        Path second = dir.resolve("time-again.png");

        Charts.bars(first, "Seconds to 98% test accuracy", "seconds", ACTIVATIONS, seconds,
                new double[] {1.0, Double.NaN, 2.5});
        Charts.bars(second, "Seconds to 98% test accuracy", "seconds", ACTIVATIONS, seconds,
                new double[] {1.0, Double.NaN, 2.5});

        assertFixedSize(first);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(List.of("ReLU", "Tanh (not reached)", "Sigmoid"), Charts.barLabels(ACTIVATIONS, seconds));
    }

    @Test
    void barsWithNothingReachedAndNoErrorsStillRender() throws IOException {
        Path png = dir.resolve("none.png");

        Charts.bars(png, "Seconds to 99%", "seconds", ACTIVATIONS,
                new double[] {Double.NaN, Double.NaN, Double.NaN}, null);

        assertFixedSize(png);
    }

    @Test
    void barsRejectArraysOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.bars(
                dir.resolve("x.png"), "t", "s", ACTIVATIONS, new double[] {1, 2, 3}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("errors"), e.getMessage());
    }

    @Test
    void groupedBarsWithAndWithoutErrorBars() throws IOException {
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("F1", new double[] {0.97, Double.NaN, 0.91});
        metrics.put("precision", new double[] {0.97, 0.95, 0.92});
        metrics.put("recall", new double[] {0.96, 0.95, 0.90});
        metrics.put("accuracy", new double[] {0.97, 0.95, 0.91});
        // only F1 has intervals; the other series have no error bars
        Map<String, double[]> errors = Map.of("F1", new double[] {0.01, Double.NaN, 0.02});
        Path withErrors = dir.resolve("metrics.png");
        Path again = dir.resolve("metrics-again.png");
        Path without = dir.resolve("metrics-plain.png");

        Charts.groupedBars(withErrors, "Test metrics", ACTIVATIONS, metrics, errors);
        Charts.groupedBars(again, "Test metrics", ACTIVATIONS, metrics, errors);
        Charts.groupedBars(without, "Test metrics", ACTIVATIONS, metrics, null);

        assertFixedSize(withErrors);
        assertFixedSize(without);
        assertArrayEquals(Files.readAllBytes(withErrors), Files.readAllBytes(again));
        assertFalse(Arrays.equals(Files.readAllBytes(withErrors), Files.readAllBytes(without)));
        assertEquals(List.of("ReLU", "Tanh (no F1)", "Sigmoid"), Charts.groupLabels(ACTIVATIONS, metrics));
    }

    @Test
    void functionsAreDeterministicAndLeaveNoTemporaryFiles() throws IOException {
        Map<String, DoubleUnaryOperator> curves = new LinkedHashMap<>();
        curves.put("f(x)", Math::tanh);
        curves.put("f'(x)", x -> 1 - Math.tanh(x) * Math.tanh(x));
        Path png = dir.resolve("tanh.png");

        Charts.functions(png, "Tanh", curves, -3, 3);
        byte[] first = Files.readAllBytes(png);
        Charts.functions(png, "Tanh", curves, -3, 3);

        assertFixedSize(png);
        assertArrayEquals(first, Files.readAllBytes(png));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void pngHoldsNoMetadataChunks() throws IOException {
        Path png = dir.resolve("tanh.png");
        Charts.functions(png, "Tanh", Map.of("f(x)", Math::tanh), -3, 3);

        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(Files.readAllBytes(png)));
    }

    private static Map<String, double[][]> losses() {
        Map<String, double[][]> losses = new LinkedHashMap<>();
        losses.put("ReLU", new double[][] {{0.9, 0.5, 0.3}, {1.0, 0.6, 0.35}, {0.8, 0.45, 0.28}});
        losses.put("Tanh", new double[][] {{1.1, 0.7, 0.5}, {1.2, 0.8}});
        losses.put("Sigmoid", new double[][] {{2.3, 2.1, 1.9}, {2.3, Double.NaN}});
        return losses;
    }

    private static void assertFixedSize(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a readable image");
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    /** The chunk types of a PNG file in order (after the 8-byte signature: length, type, data, CRC). */
    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int i = 8;
        while (i + 8 <= png.length) {
            int length = ((png[i] & 0xff) << 24) | ((png[i + 1] & 0xff) << 16) | ((png[i + 2] & 0xff) << 8)
                    | (png[i + 3] & 0xff);
            types.add(new String(png, i + 4, 4, StandardCharsets.US_ASCII));
            i += 12 + length;
        }
        return types;
    }
}
