package org.activationlab.examples.report;

import org.activationlab.study.report.Figures;
import org.activationlab.study.report.RunGroup;
import org.activationlab.study.report.Markdown;
import static org.activationlab.examples.experiments.DyingReluExperiment.rate;
import static org.activationlab.study.report.Markdown.NONE;
import static org.activationlab.study.report.Markdown.fmt;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.activationlab.examples.experiments.DyingReluExperiment;
import org.activationlab.study.plots.Charts;
import org.activationlab.study.records.ProbeRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.stats.Summary;

/**
 * The dying-ReLU page: the fraction of dead hidden units over training for each learning rate and activation,
 * with a verdict on the claim, from the run records alone.
 */
public final class DyingReluReport {

    private static final String NAME = DyingReluExperiment.NAME;
    private static final ToIntFunction<String> RANK = RunGroup.rankIn(DyingReluExperiment.ACTIVATIONS);

    private DyingReluReport() {
    }

    /** The run's learning rate, from its protocol. */
    private static double learningRate(RunRecord r) {
        String lr = r.protocol().setting(DyingReluExperiment.LEARNING_RATE);
        if (lr == null) {
            throw new IllegalArgumentException("the dying-relu record of " + r.activation().spec() + " seed " + r.seed()
                    + " [" + r.variant() + "] has no protocol setting " + DyingReluExperiment.LEARNING_RATE
                    + "; run `bin/activation-lab records --tidy` to complete older records");
        }
        return Double.parseDouble(lr);
    }

    /** The page's Markdown; figures go to {@code docs/img/dying-relu/}. */
    public static String render(List<RunRecord> records, Path docs) {
        Map<Double, List<RunRecord>> byRate = new TreeMap<>(records.stream().collect(Collectors.groupingBy(
                DyingReluReport::learningRate)));
        StringBuilder md = new StringBuilder("# Dying ReLU: dead units by learning rate\n\n");
        Markdown.generatedFrom(md, records, NAME);
        md.append("**Claim** (the MLP paper, the ReLU article `003_*.txt` and the vanishing-gradient article"
                + " `004_*.txt`): units whose input stays negative get zero gradient and stop learning, more so with"
                + " large learning rates; LeakyReLU, PReLU and ELU avoid it.\n\n");
        md.append("**How it is measured.** The MLP paper's 784-128-64-10 network and 7:2:1 split, plain SGD, batch 64,"
                + " trained at each learning rate. Before training and after every epoch the run feeds a fixed batch"
                + " of training images through the network (training mode, no update). A unit is **dead** if its"
                + " output is exactly 0 on every image of the batch: under ReLU such a unit passes no gradient to its"
                + " weights from these images. A unit has **negative input** if its pre-activation is <= 0 on every"
                + " image: the units ReLU would have killed; LeakyReLU, PReLU and ELU still pass a gradient through"
                + " them (slope 0.01, the learned slope, or exp(z)). Percentages are means over seeds with 95% t"
                + " intervals clipped to [0, 100]; a run whose loss became NaN is counted as diverged and left out of"
                + " the means.\n\n");
        Map<Double, List<RunGroup>> groupsByRate = new TreeMap<>();
        byRate.forEach((lr, runs) -> groupsByRate.put(lr, RunGroup.of(runs, NAME, RANK)));
        Map<String, Map<Double, Summary>> finalDead = new LinkedHashMap<>();
        Map<String, Map<Double, String>> statuses = new LinkedHashMap<>();
        Map<String, Map<Double, double[]>> negativeAndAccuracy = new LinkedHashMap<>();
        md.append("## Dead units after training\n\n");
        row(md, "Learning rate", "Activation", "Seeds", "Status", "Dead units, hidden 1", "Dead units, hidden 2",
                "Negative input, hidden 1", "Negative input, hidden 2", "Test accuracy");
        separator(md, 9);
        for (Map.Entry<Double, List<RunGroup>> e : groupsByRate.entrySet()) {
            List<RunGroup> groups = e.getValue();
            for (RunGroup g : groups) {
                String label = g.label(groups);
                Summary dead1 = finalFraction(g.finished(), 0, true);
                finalDead.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(e.getKey(), dead1);
                statuses.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(e.getKey(), g.status());
                Summary negative1 = finalFraction(g.finished(), 0, false);
                double[] acc = g.finished().stream().filter(r -> r.test() != null)
                        .mapToDouble(r -> r.test().accuracy()).toArray();
                if (negative1 != null && acc.length > 0) {
                    negativeAndAccuracy.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(e.getKey(),
                            new double[] {negative1.mean(), Summary.of(acc).mean()});
                }
                row(md, rate(e.getKey()), label, Integer.toString(g.runs().size()), g.status(), percent(dead1),
                        percent(finalFraction(g.finished(), 1, true)), percent(negative1),
                        percent(finalFraction(g.finished(), 1, false)), Markdown.testAccuracy(g.finished(), "%.4f"));
            }
        }
        md.append('\n');
        verdict(md, finalDead, statuses, negativeAndAccuracy);
        figures(md, groupsByRate, finalDead, docs);
        Markdown.protocol(md, groupsByRate.values().iterator().next());
        md.append("The optimizer's learning rate differs between the sections above; the protocol lists the first"
                + " one's.\n\n");
        Map<String, List<RunRecord>> byVariant = new LinkedHashMap<>();
        byRate.forEach((lr, runs) -> byVariant.put(runs.get(0).variant(), runs));
        Markdown.environmentsByVariant(md, byVariant);
        return md.toString();
    }

    private static void verdict(StringBuilder md, Map<String, Map<Double, Summary>> finalDead,
            Map<String, Map<Double, String>> statuses, Map<String, Map<Double, double[]>> negativeAndAccuracy) {
        md.append("## Did the claim hold?\n\n");
        Map<Double, Summary> relu = finalDead.get("ReLU");
        if (relu == null) {
            md.append("The verdict needs ReLU runs.\n\n");
            return;
        }
        List<Double> measured = relu.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
                .toList();
        if (measured.size() < 2) {
            md.append("The verdict needs ReLU runs at two or more learning rates that did not diverge.\n\n");
            return;
        }
        Summary low = relu.get(measured.get(0));
        Summary high = relu.get(measured.get(measured.size() - 1));
        boolean rises = high.lowerOrMean() > low.upperOrMean();
        md.append("- **ReLU units die, more with larger learning rates: ").append(rises ? "held" : "not held")
                .append(".** Dead units in hidden layer 1 after training: ").append(measured.stream()
                        .map(lr -> "lr " + rate(lr) + " " + percent(relu.get(lr))).collect(Collectors.joining("; ")))
                .append(".\n");
        for (Map.Entry<String, Map<Double, Summary>> a : finalDead.entrySet()) {
            if (a.getKey().equals("ReLU")) {
                continue;
            }
            double worst = a.getValue().values().stream().filter(s -> s != null).mapToDouble(s -> s.mean()).max()
                    .orElse(Double.NaN);
            List<String> diverged = statuses.get(a.getKey()).entrySet().stream()
                    .filter(e -> e.getValue().contains("diverged")).map(e -> rate(e.getKey())).toList();
            // a unit stuck deep in the negative regime without being exactly 0 (ELU near -alpha) learns no better
            List<String> stuck = negativeAndAccuracy.getOrDefault(a.getKey(), Map.of()).entrySet().stream()
                    .filter(e -> e.getValue()[0] >= 0.5 && e.getValue()[1] < 0.5)
                    .map(e -> "lr " + rate(e.getKey()) + ": " + fmt("%.1f%%", 100 * e.getValue()[0])
                            + " of hidden-1 units with negative input on every image, test accuracy "
                            + fmt("%.4f", e.getValue()[1])).toList();
            boolean avoids = worst <= 0.01 && stuck.isEmpty();
            md.append("- **").append(a.getKey()).append(" avoids dead units: ").append(avoids ? "held" : "not held")
                    .append(".** At most ").append(fmt("%.1f%%", 100 * worst))
                    .append(" of hidden-1 units output exactly 0 at any learning rate where it trained")
                    .append(stuck.isEmpty() ? "" : "; but its units saturate instead (" + String.join("; ", stuck)
                            + "): in the negative regime its gradient is close to 0, and the network does not learn")
                    .append(diverged.isEmpty() ? "." : "; it diverged (NaN loss) at lr " + String.join(", ",
                            diverged) + ", a failure of its own.").append('\n');
        }
        md.append('\n');
    }

    private static void figures(StringBuilder md, Map<Double, List<RunGroup>> groupsByRate,
            Map<String, Map<Double, Summary>> finalDead, Path docs) {
        md.append("## Figures\n\n");
        Path img = docs.resolve("img").resolve(NAME);
        List<String> rates = groupsByRate.keySet().stream().map(DyingReluExperiment::rate).toList();
        Map<String, double[]> bars = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        finalDead.forEach((label, byLr) -> {
            bars.put(label, groupsByRate.keySet().stream().mapToDouble(lr -> byLr.get(lr) == null ? Double.NaN
                    : 100 * byLr.get(lr).mean()).toArray());
            errors.put(label, groupsByRate.keySet().stream().mapToDouble(lr -> byLr.get(lr) == null
                    || !byLr.get(lr).hasInterval() ? Double.NaN
                    : 100 * (byLr.get(lr).ciHigh() - byLr.get(lr).mean())).toArray());
        });
        Charts.groupedBars(img.resolve("dead-by-learning-rate.png"), "Dead units in hidden layer 1 after training"
                + " (%)", rates.stream().map(r -> "lr " + r).toList(),
                bars, errors);
        md.append("![Dead units by learning rate](img/").append(NAME).append("/dead-by-learning-rate.png)\n\n");
        md.append("Bars are means over the runs that did not diverge, error bars the 95% t interval (symmetric, so"
                + " with few seeds it can cross 0 or 100%);"
                + " a missing bar means every run of that activation diverged at that learning rate. The curves"
                + " below are means over seeds with a band from the minimum to the maximum.\n\n");
        for (Map.Entry<Double, List<RunGroup>> e : groupsByRate.entrySet()) {
            List<RunGroup> groups = e.getValue();
            Map<String, double[][]> series = new LinkedHashMap<>();
            for (RunGroup g : groups) {
                for (int layer = 0; layer < 2; layer++) {
                    int l = layer;
                    series.put(g.label(groups) + " hidden " + (layer + 1), g.runs().stream()
                            .map(r -> r.probes().stream().mapToDouble(p -> 100 * unit(p, l, true)).toArray())
                            .toArray(double[][]::new));
                }
            }
            String file = "dead-over-training-lr-" + rate(e.getKey()) + ".png";
            Charts.curves(img.resolve(file), "Dead units during training, lr " + rate(e.getKey()),
                    "epoch (0 = initialisation)", 0, "dead units (%)", series, false);
            md.append("![Dead units during training at lr ").append(rate(e.getKey())).append("](img/").append(NAME)
                    .append('/').append(file).append(")\n\n");
        }
    }


    private static double unit(ProbeRecord p, int layer, boolean dead) {
        if (layer >= p.units().size()) {
            return Double.NaN;
        }
        ProbeRecord.UnitRecord u = p.units().get(layer);
        return dead ? u.deadFraction() : u.negativeFraction();
    }

    /** The dead (or negative-input) fraction of one hidden layer at each run's last probe, over runs. */
    private static Summary finalFraction(List<RunRecord> runs, int layer, boolean dead) {
        double[] v = runs.stream().filter(r -> !r.probes().isEmpty())
                .mapToDouble(r -> unit(r.probes().get(r.probes().size() - 1), layer, dead)).filter(Double::isFinite)
                .toArray();
        return v.length == 0 ? null : Summary.of(v);
    }

    private static String percent(Summary s) {
        if (s == null) {
            return NONE;
        }
        return s.formatBounded("%.1f%%", 100, 100);
    }

}
