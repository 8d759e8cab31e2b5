package org.activationlab.examples.report;

import org.activationlab.study.report.Figures;
import org.activationlab.study.report.RunGroup;
import org.activationlab.study.report.Markdown;
import static org.activationlab.study.report.Markdown.NONE;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.activationlab.examples.experiments.VanishingGradientsExperiment;
import org.activationlab.study.plots.Charts;
import org.activationlab.study.records.ProbeRecord;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.stats.Summary;

/**
 * The vanishing-gradients page: per-layer gradient norms of a deep MLP by activation, the measured per-layer decay
 * factor beside the sigmoid's 0.25 bound, and a verdict on the claim, from the run records alone.
 */
public final class VanishingGradientsReport {

    private static final String NAME = VanishingGradientsExperiment.NAME;
    private static final ToIntFunction<String> RANK = RunGroup.rankIn(VanishingGradientsExperiment.ACTIVATIONS);

    private VanishingGradientsReport() {
    }

    /** The page's Markdown; figures go to {@code docs/img/vanishing-gradients/}. */
    public static String render(List<RunRecord> records, Path docs) {
        StringBuilder md = new StringBuilder("# Vanishing gradients: gradient norm per layer\n\n");
        Map<String, List<RunRecord>> byVariant = records.stream().collect(Collectors.groupingBy(RunRecord::variant,
                () -> new TreeMap<>(Comparator.comparingInt(VanishingGradientsReport::depthOf)
                        .thenComparing(Comparator.naturalOrder())), Collectors.toList()));
        Markdown.generatedFrom(md, records, NAME);
        md.append("**Claim** (the article on the vanishing gradient problem, `../shared/papers/004_*.txt`): with"
                + " sigmoid, each layer multiplies the backpropagated gradient by sigmoid'(z) <= 0.25, so layers near"
                + " the input barely learn; ReLU's derivative is 1 for active units.\n\n");
        md.append("**How it is measured.** After every epoch, and once before training, the run computes the loss"
                + " gradient on a fixed batch of training images (training mode, no update) and records the L2 norm of"
                + " every layer's weight gradient. The *per-layer factor* d is exp(-slope) of a least-squares line"
                + " through ln ||dL/dW_l|| against the layer index l over the hidden-to-hidden layers (2 to depth;"
                + " layer 1 sees 784 pixels, not activations, so its norm is on another scale): going one layer"
                + " towards the input multiplies the gradient norm by d on average. d < 1 means gradients vanish"
                + " towards the input, d > 1 that they grow. Intervals are 95% t intervals over seeds.\n\n");
        Map<String, List<RunGroup>> groupsByVariant = new LinkedHashMap<>();
        byVariant.forEach((variant, runs) -> groupsByVariant.put(variant, RunGroup.of(runs, NAME, RANK)));
        if (byVariant.size() > 1) {
            acrossDepths(md, groupsByVariant);
        }
        groupsByVariant.forEach((variant, groups) -> variant(md, variant, groups, docs, byVariant.size() > 1));
        Markdown.protocol(md, groupsByVariant.values().iterator().next());
        if (byVariant.size() > 1) {
            md.append("The protocol above is the first variant's (").append(byVariant.keySet().iterator().next())
                    .append("); the others differ only in the number and width of the hidden layers.\n\n");
        }
        groupsByVariant.forEach((variant, groups) -> Markdown.runs(md, groups, byVariant.size() > 1
                ? "## Runs: " + variant : "## Runs"));
        Markdown.environmentsByVariant(md, byVariant);
        return md.toString();
    }

    /** The hidden-layer count a variant names ({@code depth-10-width-64}), for ordering; 0 if it names none. */
    private static int depthOf(String variant) {
        String[] parts = variant.split("-");
        return parts.length > 1 && parts[0].equals("depth") && parts[1].matches("\\d+")
                ? Integer.parseInt(parts[1]) : 0;
    }

    /** One row per variant and activation: how the factor and the first layer's share change with depth. */
    private static void acrossDepths(StringBuilder md, Map<String, List<RunGroup>> groupsByVariant) {
        md.append("## Across depths\n\n");
        row(md, "Activation", "Network", "d at initialisation",
                "||dL/dW|| layer 1 / last hidden, at initialisation");
        separator(md, 4);
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunGroup>> v : groupsByVariant.entrySet()) {
            List<RunGroup> groups = v.getValue();
            for (RunGroup g : groups) {
                rows.computeIfAbsent(g.label(groups), k -> new ArrayList<>()).add(new String[] {g.label(groups),
                        v.getKey(), format(factors(g.runs(), 0), "%.3f"), format(ratios(g.runs()), "%.2e")});
            }
        }
        rows.values().forEach(list -> list.forEach(r -> row(md, r)));
        md.append("\nWith a constant factor d per layer, the first layer's share falls like d^(depth - 1): the"
                + " deeper the sigmoid network, the less its first layers learn.\n\n");
    }

    private static void variant(StringBuilder md, String variant, List<RunGroup> groups, Path docs,
            boolean heading) {
        String h = heading ? "### " : "## ";
        if (heading) {
            md.append("## ").append(variant).append("\n\n");
        }
        int lastEpoch = groups.stream().flatMap(g -> g.runs().stream()).mapToInt(r -> r.probes().isEmpty() ? 0
                : r.probes().get(r.probes().size() - 1).epoch()).max().orElse(0);
        Map<String, Summary> initFactor = new LinkedHashMap<>();
        Map<String, String> accuracy = new LinkedHashMap<>();
        md.append(h).append("Per-layer factor and gradient norms\n\n");
        row(md, "Activation", "Seeds", "d at initialisation", "d after epoch " + lastEpoch,
                "||dL/dW|| layer 1 / last hidden, at initialisation", "Test accuracy after epoch " + lastEpoch);
        separator(md, 6);
        for (RunGroup g : groups) {
            Summary init = factors(g.runs(), 0);
            Summary last = factors(g.runs(), -1);
            initFactor.put(g.label(groups), init);
            accuracy.put(g.label(groups), Markdown.testAccuracy(g.finished(), "%.4f"));
            row(md, g.label(groups), Integer.toString(g.runs().size()), format(init, "%.3f"), format(last, "%.3f"),
                    format(ratios(g.runs()), "%.2e"), Markdown.testAccuracy(g.finished(), "%.4f"));
        }
        md.append("\nThe article's bound for sigmoid is d <= ").append(VanishingGradientsExperiment.SIGMOID_BOUND)
                .append(" (sigmoid'(z) <= 1/4, ignoring the weights).\n\n");
        verdict(md, initFactor, h);
        if (accuracy.containsKey("Sigmoid") && accuracy.containsKey("ReLU")) {
            md.append("What it costs: after epoch ").append(lastEpoch).append(" the Sigmoid network's test accuracy is ")
                    .append(accuracy.get("Sigmoid")).append(", ReLU's ").append(accuracy.get("ReLU"))
                    .append(" (10 classes: chance is about 0.10).\n\n");
        }
        String dir = "img/" + NAME + (variant.isEmpty() ? "" : "/" + variant);
        Path imgDir = docs.resolve(dir);
        md.append(h).append("Figures\n\n");
        md.append("Lines are means over seeds, bands span the minimum to the maximum.\n\n");
        Charts.curves(imgDir.resolve("norm-by-layer-init.png"), "Gradient norm by layer at initialisation",
                "hidden layer (1 = next to the input)", 1,
                "||dL/dW|| (log)", withBound(byLayer(groups, 0)), true);
        Charts.curves(imgDir.resolve("norm-by-layer-final.png"), "Gradient norm by layer after epoch " + lastEpoch,
                "hidden layer (1 = next to the input)", 1, "||dL/dW|| (log)", byLayer(groups, -1), true);
        Charts.curves(imgDir.resolve("first-layer-norm-by-epoch.png"), "Gradient norm of hidden layer 1 during"
                + " training", "epoch (0 = initialisation)", 0, "||dL/dW_1|| (log)", firstLayerByEpoch(groups), true);
        md.append("![Gradient norm by layer at initialisation](").append(dir).append("/norm-by-layer-init.png)\n\n");
        md.append("\"bound: 0.25 per layer\" starts at Sigmoid's mean norm in the last hidden layer and falls by the"
                + " article's factor 0.25 per layer towards the input.\n\n");
        md.append("![Gradient norm by layer after training](").append(dir).append("/norm-by-layer-final.png)\n\n");
        md.append("![Gradient norm of the first hidden layer by epoch](").append(dir)
                .append("/first-layer-norm-by-epoch.png)\n\n");
    }

    private static void verdict(StringBuilder md, Map<String, Summary> initFactor, String h) {
        md.append(h).append("Did the claim hold?\n\n");
        Summary sigmoid = initFactor.get("Sigmoid");
        Summary relu = initFactor.get("ReLU");
        if (sigmoid == null || relu == null) {
            md.append("The verdict needs Sigmoid and ReLU runs; these records have ")
                    .append(String.join(", ", initFactor.keySet())).append(".\n\n");
            return;
        }
        boolean vanishes = sigmoid.upperOrMean() < 1;
        md.append("- **Sigmoid's gradients vanish towards the input: ").append(vanishes ? "held" : "not held")
                .append(".** d = ").append(format(sigmoid, "%.3f")).append(vanishes
                        ? ": every layer closer to the input gets a smaller gradient."
                        : ": the interval reaches 1, so the decline is not established.").append('\n');
        boolean withinBound = sigmoid.upperOrMean() <= VanishingGradientsExperiment.SIGMOID_BOUND;
        md.append("- **By at most 0.25 per layer: ").append(withinBound ? "held" : "not held as stated").append(".** ")
                .append(withinBound ? "The measured factor is at or below the bound."
                        : "The measured factor is above 0.25: the bound holds for sigmoid'(z) alone, but each layer"
                        + " also multiplies by its transposed weights, whose Glorot scale amplifies the norm.")
                .append('\n');
        boolean reluKeeps = relu.lowerOrMean() > sigmoid.upperOrMean();
        md.append("- **ReLU keeps the gradient flowing: ").append(reluKeeps ? "held" : "not held").append(".** d = ")
                .append(format(relu, "%.3f")).append(reluKeeps ? ", above Sigmoid's interval" : "")
                .append(relu.upperOrMean() >= 1 && relu.lowerOrMean() <= 1 ? " and compatible with 1 (no decay)." : ".")
                .append("\n\n");
    }

    private static String format(Summary s, String number) {
        return s == null ? NONE : s.format(number);
    }

    /** The per-layer factor of every run with a probe at {@code epoch} (-1 = its last probe), over seeds. */
    private static Summary factors(List<RunRecord> runs, int epoch) {
        double[] d = runs.stream().map(r -> probe(r, epoch)).filter(p -> p != null)
                .mapToDouble(p -> factor(hiddenNorms(p))).filter(Double::isFinite).toArray();
        return d.length == 0 ? null : Summary.of(d);
    }

    private static Summary ratios(List<RunRecord> runs) {
        double[] r = runs.stream().map(run -> probe(run, 0)).filter(p -> p != null).mapToDouble(p -> {
            double[] h = hiddenNorms(p);
            return h[0] / h[h.length - 1];
        }).filter(Double::isFinite).toArray();
        return r.length == 0 ? null : Summary.of(r);
    }

    private static ProbeRecord probe(RunRecord r, int epoch) {
        if (r.probes().isEmpty()) {
            return null;
        }
        if (epoch < 0) {
            return r.probes().get(r.probes().size() - 1);
        }
        return r.probes().stream().filter(p -> p.epoch() == epoch).findFirst().orElse(null);
    }

    /** The kernel-gradient norms of the hidden layers (the output layer's dropped), input side first. */
    static double[] hiddenNorms(ProbeRecord p) {
        double[] kernels = p.kernelNorms();
        return java.util.Arrays.copyOf(kernels, kernels.length - 1);
    }

    /**
     * exp(-slope) of the least-squares line through ln(norm) against layer index over hidden layers 2..depth (all
     * hidden layers when there are only two); NaN if a norm is not positive and finite.
     */
    static double factor(double[] hidden) {
        int from = hidden.length >= 3 ? 1 : 0;
        int n = hidden.length - from;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < hidden.length; i++) {
            if (!(hidden[i] > 0) || !Double.isFinite(hidden[i])) {
                return Double.NaN;
            }
            double y = Math.log(hidden[i]);
            sx += i;
            sy += y;
            sxx += (double) i * i;
            sxy += i * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return Math.exp(-slope);
    }

    private static Map<String, double[][]> byLayer(List<RunGroup> groups, int epoch) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            List<double[]> seeds = new ArrayList<>();
            for (RunRecord r : g.runs()) {
                ProbeRecord p = probe(r, epoch);
                if (p != null) {
                    seeds.add(positiveOrNaN(hiddenNorms(p)));
                }
            }
            if (!seeds.isEmpty()) {
                series.put(g.label(groups), seeds.toArray(double[][]::new));
            }
        }
        return series;
    }

    /**
     * Adds the article's bound as a line: 0.25 per layer towards the input, starting from Sigmoid's mean norm at
     * the last hidden layer.
     */
    private static Map<String, double[][]> withBound(Map<String, double[][]> series) {
        double[][] sigmoid = series.get("Sigmoid");
        if (sigmoid == null) {
            return series;
        }
        int layers = sigmoid[0].length;
        double last = java.util.Arrays.stream(sigmoid).mapToDouble(seed -> seed[layers - 1])
                .filter(Double::isFinite).average().orElse(Double.NaN);
        double[] bound = new double[layers];
        for (int l = 0; l < layers; l++) {
            bound[l] = last * Math.pow(VanishingGradientsExperiment.SIGMOID_BOUND, layers - 1 - l);
        }
        Map<String, double[][]> out = new LinkedHashMap<>(series);
        out.put("bound: 0.25 per layer", new double[][] {bound});
        return out;
    }

    private static Map<String, double[][]> firstLayerByEpoch(List<RunGroup> groups) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (RunGroup g : groups) {
            series.put(g.label(groups), g.runs().stream().map(r -> positiveOrNaN(r.probes().stream()
                    .mapToDouble(p -> p.kernelNorms()[0]).toArray())).toArray(double[][]::new));
        }
        return series;
    }

    /** A log axis cannot show 0 (a layer without gradient): such points are left out, not drawn at a made-up value. */
    private static double[] positiveOrNaN(double[] values) {
        return java.util.Arrays.stream(values).map(v -> v > 0 ? v : Double.NaN).toArray();
    }
}
