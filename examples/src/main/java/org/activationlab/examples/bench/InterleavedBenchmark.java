package org.activationlab.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times variants fairly on a noisy machine: one untimed warm-up epoch each, then rounds in which every variant
 * trains one timed epoch, so that slow phases of the machine hit all variants alike. The order within a round
 * rotates (round r starts with variant r mod n) so no variant always runs first or last. Every variant gets the
 * same shuffle seed in a round (the round number; 0 for the warm-up).
 */
public final class InterleavedBenchmark {

    private InterleavedBenchmark() {
    }

    /**
     * Runs the warm-up and {@code rounds} timed rounds.
     *
     * @param progress receives one line after the warm-up and after every round
     * @return each variant's timings by name, in the order of {@code variants}
     */
    public static Map<String, Timings> run(List<? extends BenchVariant> variants, int rounds, Consumer<String> progress) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variants to benchmark");
        }
        if (rounds <= 0) {
            throw new IllegalArgumentException("the number of timed epochs must be > 0, got " + rounds);
        }
        int n = variants.size();
        if (variants.stream().map(BenchVariant::name).distinct().count() != n) {
            throw new IllegalArgumentException("variant names must be distinct");
        }
        List<List<Double>> seconds = new ArrayList<>();
        StringBuilder line = new StringBuilder("warm-up:");
        for (BenchVariant v : variants) {
            seconds.add(new ArrayList<>());
            line.append(String.format(Locale.ROOT, " %s %.3f s;", v.name(), v.trainEpochSeconds(0)));
        }
        progress.accept(line.substring(0, line.length() - 1));
        for (int r = 1; r <= rounds; r++) {
            double[] round = new double[n];
            for (int k = 0; k < n; k++) {
                int i = (r - 1 + k) % n;
                round[i] = variants.get(i).trainEpochSeconds(r);
                seconds.get(i).add(round[i]);
            }
            line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d:", r, rounds));
            for (int i = 0; i < n; i++) {
                line.append(String.format(Locale.ROOT, " %s %.3f s;", variants.get(i).name(), round[i]));
            }
            progress.accept(line.substring(0, line.length() - 1));
        }
        Map<String, Timings> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(variants.get(i).name(), new Timings(seconds.get(i)));
        }
        return out;
    }
}
