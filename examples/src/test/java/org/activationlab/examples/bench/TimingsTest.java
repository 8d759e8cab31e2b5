package org.activationlab.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {

    @Test
    void medianOfOddCountIsTheMiddleValue() {
        Timings t = Timings.of(3.0, 1.0, 2.0);
        assertEquals(2.0, t.median());
        assertEquals(1.0, t.min());
        assertEquals(3.0, t.max());
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Timings.of(4.0, 1.0, 3.0, 2.0).median());
        assertEquals(7.0, Timings.of(7.0).median());
    }

    @Test
    void keepsTheOrderTheyRanIn() {
        assertEquals(List.of(3.0, 1.0), Timings.of(3.0, 1.0).seconds());
    }

    @Test
    void rejectsNoTimings() {
        assertThrows(IllegalArgumentException.class, Timings::of);
    }
}
