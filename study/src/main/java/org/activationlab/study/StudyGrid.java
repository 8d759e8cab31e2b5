package org.activationlab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.dsl.activations.Activation;

/**
 * The runs of a study: every variant (e.g. learning rate or dataset) and activation with every seed, in a fixed
 * order (all variants and activations of the first seed, then of the second, ...), so that an interrupted study has
 * complete comparisons early and a shard assignment is the same on every machine.
 *
 * @param variants the variants, in the order given; a single empty string for experiments without variants
 * @param activations the activations, in the order given
 * @param seeds the seeds, in the order given
 */
public record StudyGrid(List<String> variants, List<Activation> activations, List<Long> seeds) {

    private static final Pattern SHARD = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    /** One run of the grid. */
    public record Run(int index, String variant, Activation activation, long seed) {
    }

    public StudyGrid {
        variants = List.copyOf(variants);
        if (variants.isEmpty() || variants.stream().distinct().count() != variants.size()) {
            throw new IllegalArgumentException("study variants must be distinct and at least one, got " + variants);
        }
        activations = List.copyOf(activations);
        seeds = List.copyOf(seeds);
        if (activations.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one activation and one seed, got "
                    + activations.size() + " and " + seeds.size());
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("study seeds must be distinct, got " + seeds);
        }
    }

    /** A study without variants. */
    public StudyGrid(List<Activation> activations, List<Long> seeds) {
        this(List.of(""), activations, seeds);
    }

    /** Seeds 1..n. */
    public static List<Long> firstSeeds(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("--seeds must be > 0, got " + n);
        }
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    /** Every run, seed-major, then variant, then activation. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            for (String variant : variants) {
                for (Activation a : activations) {
                    runs.add(new Run(runs.size(), variant, a, seed));
                }
            }
        }
        return runs;
    }

    /**
     * The runs of shard {@code spec} ({@code i/n}, 1-based): run {@code k} belongs to shard {@code k mod n + 1}.
     * The n shards partition the grid, whatever machine computes them.
     */
    public List<Run> shard(String spec) {
        Matcher m = SHARD.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard must be i/n, e.g. 2/3 for the second of three shards, got '"
                    + spec + "'");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException("--shard i/n needs 1 <= i <= n, got '" + spec + "'");
        }
        return runs().stream().filter(r -> r.index() % n == i - 1).toList();
    }
}
