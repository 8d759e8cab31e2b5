package org.activationlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    /** Sample i has features {10i, 10i+1}. */
    private static Dataset dataset(String name, int... labels) {
        float[] features = new float[labels.length * 2];
        for (int i = 0; i < labels.length; i++) {
            features[2 * i] = 10 * i;
            features[2 * i + 1] = 10 * i + 1;
        }
        return new Dataset(name, features, labels, new int[] {2, 1}, ABC, "unit test");
    }

    @Test
    void exposesShapeSizesAndCounts() {
        Dataset d = dataset("d", 0, 2, 2, 1);
        assertEquals(4, d.size());
        assertEquals(2, d.sampleSize());
        assertEquals(3, d.numClasses());
        assertArrayEquals(new int[] {1, 1, 2}, d.classCounts());
        assertSame(d.features(), d.features(), "features are shared, not copied");
        assertEquals(2, d.label(1));
    }

    @Test
    void accessorsReturnCopiesOfSmallArrays() {
        int[] labels = {0, 1};
        Dataset d = new Dataset("d", new float[4], labels, new int[] {2, 1}, ABC, "s");
        labels[0] = 2;
        d.labels()[1] = 2;
        d.sampleShape()[0] = 99;
        assertArrayEquals(new int[] {0, 1}, d.labels());
        assertArrayEquals(new int[] {2, 1}, d.sampleShape());
    }

    @Test
    void constructorRejectsInconsistentInput() {
        String length = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new float[5], new int[] {0, 1}, new int[] {2, 1}, ABC, "s")).getMessage();
        assertTrue(length.contains("features has 5 values, expected 4"), length);
        String label = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new float[4], new int[] {0, 3}, new int[] {2, 1}, ABC, "s")).getMessage();
        assertTrue(label.contains("label 3 at index 1 is outside [0, 3)"), label);
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new float[0], new int[0], new int[] {0}, ABC, "s"));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", new float[0], new int[0], new int[] {1}, List.of(), "s"));
    }

    @Test
    void subsetCopiesSelectedRowsInOrder() {
        Dataset d = dataset("d", 0, 1, 2, 0);
        Dataset s = d.subset(new int[] {3, 1, 1}, "s");
        assertEquals("s", s.name());
        assertArrayEquals(new int[] {0, 1, 1}, s.labels());
        assertArrayEquals(new float[] {30, 31, 10, 11, 10, 11}, s.features());
        assertEquals(d.source(), s.source());
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(new int[] {4}, "x"));
    }

    @Test
    void takeReturnsPrefix() {
        Dataset d = dataset("d", 2, 1, 0);
        Dataset t = d.take(2);
        assertArrayEquals(new int[] {2, 1}, t.labels());
        assertArrayEquals(new float[] {0, 1, 10, 11}, t.features());
        assertEquals(0, d.take(0).size());
        assertThrows(IllegalArgumentException.class, () -> d.take(4));
    }

    @Test
    void takingTheSamePrefixAgainGivesTheSameObjectSoThatRunsCanShareIt() {
        Dataset d = dataset("d", 2, 1, 0);
        Dataset two = d.take(2);
        assertSame(two, d.take(2));
        Dataset one = d.take(1);
        assertNotSame(two, one);
        assertArrayEquals(new int[] {2}, one.labels());
        assertArrayEquals(new int[] {2, 1}, d.take(2).labels());
    }

    @Test
    void concatAppendsAndChecksCompatibility() {
        Dataset a = dataset("a", 0, 1);
        Dataset b = dataset("b", 2);
        Dataset ab = Dataset.concat("ab", a, b);
        assertEquals("ab", ab.name());
        assertArrayEquals(new int[] {0, 1, 2}, ab.labels());
        assertArrayEquals(new float[] {0, 1, 10, 11, 0, 1}, ab.features());

        Dataset otherShape = new Dataset("o", new float[2], new int[] {0}, new int[] {1, 2}, ABC, "s");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.concat("x", a, otherShape))
                .getMessage().contains("sample shapes differ"));
        Dataset otherClasses = new Dataset("o", new float[2], new int[] {0}, new int[] {2, 1}, List.of("z"), "s");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.concat("x", a, otherClasses))
                .getMessage().contains("class names differ"));
    }
}
