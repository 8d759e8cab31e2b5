package org.activationlab.study.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.activationlab.study.records.RunRecord;

/** The runs of one activation (same spec) of one experiment, sorted by seed. */
public record RunGroup(String spec, String display, List<RunRecord> runs) {

    public List<RunRecord> finished() {
        return runs.stream().filter(r -> !r.diverged()).toList();
    }

    public List<RunRecord> diverged() {
        return runs.stream().filter(RunRecord::diverged).toList();
    }

    /**
     * Groups an experiment's records by activation, ordered by {@code rank} (the paper's order) and then spec.
     *
     * @throws IllegalArgumentException if there are no records, a record belongs to another experiment, or two
     *     records share an activation and seed
     */
    public static List<RunGroup> of(List<RunRecord> records, String experiment, ToIntFunction<String> rank) {
        if (records == null || records.isEmpty()) {
            throw new IllegalArgumentException("no run records to report; run the " + experiment
                    + " experiment first so that its records exist in the results directory");
        }
        Map<String, List<RunRecord>> bySpec = new LinkedHashMap<>();
        for (RunRecord r : records) {
            if (!experiment.equals(r.experiment())) {
                throw new IllegalArgumentException("run record of " + r.activation().spec() + " seed " + r.seed()
                        + " belongs to experiment '" + r.experiment() + "', not '" + experiment
                        + "'; report each experiment from its own records");
            }
            bySpec.computeIfAbsent(r.activation().spec(), k -> new ArrayList<>()).add(r);
        }
        List<RunGroup> groups = new ArrayList<>();
        for (List<RunRecord> runs : bySpec.values()) {
            List<RunRecord> sorted = runs.stream().sorted(Comparator.comparingLong(RunRecord::seed)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).seed() == sorted.get(i - 1).seed()) {
                    throw new IllegalArgumentException("two run records for " + sorted.get(i).activation().spec()
                            + " seed " + sorted.get(i).seed() + "; keep only one of them");
                }
            }
            RunRecord first = sorted.get(0);
            groups.add(new RunGroup(first.activation().spec(), first.activation().display(), sorted));
        }
        groups.sort(Comparator.comparingInt((RunGroup g) -> rank.applyAsInt(g.spec())).thenComparing(RunGroup::spec));
        return groups;
    }

    /** Ranks specs by their position in {@code order} (an experiment's default list), unknown ones last. */
    public static ToIntFunction<String> rankIn(List<org.activationlab.dsl.activations.Activation> order) {
        return spec -> {
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).spec().equals(spec)) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        };
    }

    /**
     * The activation's type name (e.g. {@code SELU}) when no other group shares it, else its full display name;
     * protocols and run lists show every hyperparameter.
     */
    public String label(List<RunGroup> groups) {
        String type = org.activationlab.dsl.activations.Activations.parse(spec).typeName();
        long same = groups.stream()
                .filter(o -> org.activationlab.dsl.activations.Activations.parse(o.spec).typeName().equals(type))
                .count();
        return same == 1 ? type : display;
    }

    /**
     * The status cell: finished, or which seeds diverged at which epoch (as a count when several diverged at the
     * same epoch, e.g. {@code 1 finished; 4 of 5 diverged at epoch 1 (seeds 1, 2, 3, 4)}).
     */
    public String status() {
        List<RunRecord> diverged = diverged();
        if (diverged.isEmpty()) {
            return runs.size() == 1 ? "finished" : "all finished";
        }
        String which;
        long epochs = diverged.stream().mapToInt(RunRecord::divergedEpoch).distinct().count();
        if (diverged.size() > 1 && epochs == 1) {
            which = diverged.size() + " of " + runs.size() + " diverged at epoch " + diverged.get(0).divergedEpoch()
                    + " (seeds " + diverged.stream().map(r -> Long.toString(r.seed()))
                            .collect(java.util.stream.Collectors.joining(", ")) + ")";
        } else {
            which = diverged.stream().map(r -> (runs.size() == 1 ? "" : "seed " + r.seed() + " ") + "diverged at epoch "
                    + r.divergedEpoch()).collect(java.util.stream.Collectors.joining("; "));
        }
        int finishedCount = runs.size() - diverged.size();
        return finishedCount == 0 ? which : finishedCount + " finished; " + which;
    }
}
