package org.activationlab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.activationlab.dsl.activations.Activations;
import org.junit.jupiter.api.Test;

class StudyGridTest {

    private final StudyGrid grid = new StudyGrid(Activations.parseList("relu,leaky_relu:0.01,sigmoid"),
            StudyGrid.firstSeeds(5));

    @Test
    void runsAreSeedMajorAndCoverEveryPairOnce() {
        List<StudyGrid.Run> runs = grid.runs();
        assertEquals(15, runs.size());
        assertEquals("relu", runs.get(0).activation().name());
        assertEquals(1, runs.get(2).seed());
        assertEquals(2, runs.get(3).seed());
        Set<String> pairs = new HashSet<>();
        runs.forEach(r -> pairs.add(r.activation().spec() + "/" + r.seed()));
        assertEquals(15, pairs.size());
    }

    @Test
    void threeShardsPartitionTheGrid() {
        List<StudyGrid.Run> union = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<StudyGrid.Run> shard = grid.shard(i + "/3");
            assertEquals(5, shard.size(), "shard " + i);
            union.addAll(shard);
        }
        assertEquals(15, union.size());
        assertEquals(new HashSet<>(grid.runs()), new HashSet<>(union));
        assertEquals(grid.shard("2/3"), grid.shard(" 2 / 3 "), "assignment is deterministic");
        assertEquals(grid.runs(), grid.shard("1/1"));
    }

    @Test
    void badShardsAndSeedsAreRejected() {
        for (String bad : new String[] {"0/3", "4/3", "1/0", "x", "1-3"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grid.shard(bad));
            assertTrue(e.getMessage().contains("--shard"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> StudyGrid.firstSeeds(0));
        assertThrows(IllegalArgumentException.class,
                () -> new StudyGrid(Activations.parseList("relu"), List.of(1L, 1L)));
    }
}
