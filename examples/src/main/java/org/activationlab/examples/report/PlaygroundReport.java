package org.activationlab.examples.report;

import org.activationlab.study.report.Figures;
import org.activationlab.study.report.RunGroup;
import org.activationlab.study.report.Markdown;
import static org.activationlab.study.report.Markdown.NONE;
import static org.activationlab.study.report.Markdown.fmt;
import static org.activationlab.study.report.Markdown.row;
import static org.activationlab.study.report.Markdown.separator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.Map;
import org.activationlab.examples.experiments.PlaygroundExperiment;
import org.activationlab.study.plots.Charts;
import org.activationlab.study.plots.DecisionBoundaryPlot;
import org.activationlab.study.records.DecisionBoundary;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.stats.Quantiles;

/**
 * The playground page: epochs until the test loss reaches the threshold, per dataset and activation over seeds
 * (median and interquartile range, runs that never converged counted as beyond the budget), beside the article's
 * anecdote, with decision boundaries and loss curves, from the run records alone.
 */
public final class PlaygroundReport {

    private static final String NAME = PlaygroundExperiment.NAME;
    private static final ToIntFunction<String> RANK = RunGroup.rankIn(PlaygroundExperiment.ACTIVATIONS);
    /** The article's numbers: about 61 epochs with ReLU, 100+ with Tanh, 1000+ with Sigmoid. */
    private static final Map<String, String> ARTICLE = Map.of("ReLU", "~61", "Tanh", "100+", "Sigmoid", "1000+");

    private PlaygroundReport() {
    }

    /** The page's Markdown; figures go to {@code docs/img/playground/}. */
    public static String render(List<RunRecord> records, Path docs) {
        Map<String, List<RunRecord>> byDataset = new LinkedHashMap<>();
        records.stream().sorted(Comparator.comparingInt(PlaygroundReport::datasetRank)
                .thenComparing(RunRecord::variant)).forEach(r -> byDataset.computeIfAbsent(r.variant(),
                        k -> new ArrayList<>()).add(r));
        RunRecord any = records.get(0);
        double threshold = any.convergence() == null ? Double.NaN : any.convergence().lossThreshold();
        StringBuilder md = new StringBuilder("# TensorFlow Playground: epochs to converge by activation\n\n");
        Markdown.generatedFrom(md, records, NAME);
        md.append("**Claim** (Keng Surapong, \"Activation Function ep.3: ReLU\", `002_*.txt`): on TensorFlow"
                + " Playground a network with two hidden layers converges in about 61 epochs with ReLU, 100+ with"
                + " Tanh and 1000+ with Sigmoid. The article does not name the dataset or what \"converge\" means, so"
                + " we run the playground's four classification datasets and call a run converged at the first"
                + " epoch whose test cross-entropy is <= ").append(fmt("%s", threshold)).append(".\n\n");
        md.append("**How it is measured.** The playground's defaults: inputs x1 and x2, hidden layers of 4 and 2 units,"
                + " SGD with learning rate 0.03, batch 10, 500 points (250 train, 250 test), noise as recorded per"
                + " dataset; an epoch is one pass over the 250 training points. Each seed draws its own dataset and"
                + " initial weights; all activations of one seed see the same points. A run stops when it converges"
                + " or when the budget is spent. Epochs to converge are summarised by the median and interquartile"
                + " range (IQR) over seeds, with runs that never converged counted as beyond the budget (so a median"
                + " is \"> budget\" when half the runs or more never converged).\n\n");
        md.append("**Differences from the playground.** The output is a 2-class softmax trained with cross-entropy"
                + " (equivalent to one tanh unit tanh((z1 - z0) / 2) with the logistic loss) instead of one tanh unit"
                + " with squared error; weights start from Glorot (sigmoid, tanh) or He (ReLU family) uniform"
                + " initialisation with zero biases, except in the datasets marked `-playground-init`, which start as"
                + " the playground does (weights uniform on [-0.5, 0.5], biases 0.1); our random generator differs, so"
                + " the points are not the web page's.\n\n");
        Map<String, List<RunGroup>> groupsByDataset = new LinkedHashMap<>();
        byDataset.forEach((dataset, runs) -> groupsByDataset.put(dataset, RunGroup.of(runs, NAME, RANK)));
        Map<String, Map<String, Quantiles>> medians = new LinkedHashMap<>();
        md.append("## Epochs to converge\n\n");
        row(md, "Dataset", "Activation", "Seeds", "Converged", "Median epochs (IQR)", "Never converged",
                "Final test accuracy");
        separator(md, 7);
        List<String> activationLabels = new ArrayList<>();
        for (Map.Entry<String, List<RunGroup>> d : groupsByDataset.entrySet()) {
            List<RunGroup> groups = d.getValue();
            int budget = budget(groups);
            for (RunGroup g : groups) {
                String label = g.label(groups);
                if (!activationLabels.contains(label)) {
                    activationLabels.add(label);
                }
                double[] epochs = g.runs().stream().mapToDouble(r -> r.convergence() != null
                        && r.convergence().converged() ? r.convergence().epoch() : Double.POSITIVE_INFINITY).toArray();
                long converged = java.util.Arrays.stream(epochs).filter(Double::isFinite).count();
                Quantiles q = Quantiles.of(epochs);
                medians.computeIfAbsent(d.getKey(), k -> new LinkedHashMap<>()).put(label, q);
                row(md, d.getKey(), label, Integer.toString(g.runs().size()),
                        converged + " of " + g.runs().size(), quantiles(q, budget),
                        fmt("%.0f%%", 100.0 * (g.runs().size() - converged) / g.runs().size()),
                        Markdown.testAccuracy(g.runs(), "%.3f"));
            }
        }
        md.append('\n');
        claimTable(md, medians, groupsByDataset);
        figures(md, groupsByDataset, docs, activationLabels);
        Markdown.protocol(md, groupsByDataset.values().iterator().next());
        md.append("The protocol above is the first dataset's; the others differ only in the data.\n\n");
        Markdown.environmentsByVariant(md, byDataset);
        return md.toString();
    }

    /** The most epochs any run of these groups was allowed. */
    private static int budget(List<RunGroup> groups) {
        return groups.stream().flatMap(g -> g.runs().stream()).mapToInt(r -> r.protocol().epochs()).max()
                .orElse(1);
    }

    private static void claimTable(StringBuilder md, Map<String, Map<String, Quantiles>> medians,
            Map<String, List<RunGroup>> groupsByDataset) {
        md.append("## Did the claim hold?\n\n");
        row(md, "Dataset", "ReLU (article ~61)", "Tanh (article 100+)", "Sigmoid (article 1000+)",
                "Order ReLU < Tanh < Sigmoid", "Fastest median, all activations");
        separator(md, 6);
        int held = 0;
        int judged = 0;
        for (Map.Entry<String, Map<String, Quantiles>> d : medians.entrySet()) {
            Quantiles relu = d.getValue().get("ReLU");
            Quantiles tanh = d.getValue().get("Tanh");
            Quantiles sigmoid = d.getValue().get("Sigmoid");
            int budget = budget(groupsByDataset.get(d.getKey()));
            String order = NONE;
            if (relu != null && tanh != null && sigmoid != null && Double.isInfinite(relu.median())
                    && Double.isInfinite(tanh.median()) && Double.isInfinite(sigmoid.median())) {
                order = "undecided: none converged within the budget";
            } else if (relu != null && tanh != null && sigmoid != null) {
                judged++;
                boolean ok = relu.median() < tanh.median() && tanh.median() < sigmoid.median();
                held += ok ? 1 : 0;
                order = ok ? "held" : "not held";
            }
            String fastest = d.getValue().entrySet().stream().filter(e -> Double.isFinite(e.getValue().median()))
                    .min(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(Quantiles::median)))
                    .map(e -> e.getKey() + " (" + fmt("%.0f", e.getValue().median()) + ")").orElse(NONE);
            row(md, d.getKey(), median(relu, budget), median(tanh, budget), median(sigmoid, budget), order, fastest);
        }
        md.append('\n');
        List<Double> sigmoidOverTanh = new ArrayList<>();
        int sigmoidSlowest = 0;
        int decided = 0;
        for (Map<String, Quantiles> q : medians.values()) {
            Quantiles sigmoid = q.get("Sigmoid");
            if (sigmoid == null || q.values().stream().allMatch(x -> Double.isInfinite(x.median()))) {
                continue;
            }
            decided++;
            sigmoidSlowest += q.values().stream().allMatch(x -> x.median() <= sigmoid.median()) ? 1 : 0;
            Quantiles tanh = q.get("Tanh");
            if (tanh != null && Double.isFinite(sigmoid.median()) && Double.isFinite(tanh.median())) {
                sigmoidOverTanh.add(sigmoid.median() / tanh.median());
            }
        }
        if (decided > 0) {
            md.append("Sigmoid was the slowest activation on ").append(sigmoidSlowest).append(" of ").append(decided)
                    .append(" datasets where any activation converged");
            if (!sigmoidOverTanh.isEmpty()) {
                md.append("; its median took ").append(fmt("%.1f", sigmoidOverTanh.stream().mapToDouble(d -> d).min()
                        .orElseThrow())).append(" to ").append(fmt("%.1f", sigmoidOverTanh.stream()
                        .mapToDouble(d -> d).max().orElseThrow())).append(" times as many epochs as Tanh's");
            }
            md.append(".\n\n");
        }
        md.append("Medians over seeds; \"> N\" means half the runs or more never reached the threshold within the"
                + " N-epoch budget. The article's order held on ").append(held).append(" of ").append(judged)
                .append(" datasets. Whether ReLU converges at all in this tiny network (2 units in the second"
                        + " hidden layer) depends on the seed: a ReLU unit that is negative on every point stops"
                        + " learning, and with 2 units one dead unit halves the layer; the \"Never converged\""
                        + " column above counts those runs.\n\n");
    }

    private static void figures(StringBuilder md, Map<String, List<RunGroup>> groupsByDataset, Path docs,
            List<String> activationLabels) {
        md.append("## Figures\n\n");
        Path img = docs.resolve("img").resolve(NAME);
        List<String> rows = new ArrayList<>(groupsByDataset.keySet());
        DecisionBoundaryPlot.Panel[][] panels = new DecisionBoundaryPlot.Panel[rows.size()][activationLabels.size()];
        long seed = groupsByDataset.values().stream().flatMap(List::stream).flatMap(g -> g.runs().stream())
                .mapToLong(RunRecord::seed).min().orElse(1);
        for (int r = 0; r < rows.size(); r++) {
            List<RunGroup> groups = groupsByDataset.get(rows.get(r));
            for (RunGroup g : groups) {
                RunRecord run = g.runs().stream().filter(x -> x.seed() == seed && x.boundary() != null).findFirst()
                        .orElse(null);
                if (run != null) {
                    String caption = run.convergence() != null && run.convergence().converged()
                            ? "converged at epoch " + run.convergence().epoch()
                            : "not converged in " + run.history().size();
                    DecisionBoundary.Points points = run.boundary().points();
                    panels[r][activationLabels.indexOf(g.label(groups))] = new DecisionBoundaryPlot.Panel(
                            run.boundary(), points == null ? new float[0] : points.features(),
                            points == null ? new int[0] : points.labels(), caption);
                }
            }
        }
        DecisionBoundaryPlot.write(img.resolve("decision-boundaries.png"), "Decision boundaries after training, seed "
                + seed + " (background: P(positive); points: test set; black: 0.5 contour)", rows, activationLabels,
                panels);
        md.append("![Decision boundaries](img/").append(NAME).append("/decision-boundaries.png)\n\n");
        md.append("Curves: the share of seeds whose test loss has reached the threshold by each epoch (log axis); a"
                + " curve that ends below 100% counts the seeds that never converged within the budget.\n\n");
        for (Map.Entry<String, List<RunGroup>> d : groupsByDataset.entrySet()) {
            List<RunGroup> groups = d.getValue();
            Map<String, int[]> series = new LinkedHashMap<>();
            for (RunGroup g : groups) {
                series.put(g.label(groups), g.runs().stream().mapToInt(r -> r.convergence() == null ? 0
                        : r.convergence().epoch()).toArray());
            }
            int budget = budget(groups);
            String file = "converged-" + d.getKey() + ".png";
            Charts.reachedByEpoch(img.resolve(file), "Seeds converged by epoch, " + d.getKey(), series, budget);
            md.append("![Seeds converged by epoch on ").append(d.getKey()).append("](img/").append(NAME).append('/')
                    .append(file).append(")\n\n");
        }
    }

    private static String median(Quantiles q, int budget) {
        if (q == null) {
            return NONE;
        }
        return Double.isInfinite(q.median()) ? "> " + budget : fmt("%.0f", q.median());
    }

    private static String quantiles(Quantiles q, int budget) {
        return median(q, budget) + " (" + (Double.isInfinite(q.q1()) ? "> " + budget : fmt("%.0f", q.q1())) + "–"
                + (Double.isInfinite(q.q3()) ? "> " + budget : fmt("%.0f", q.q3())) + ")";
    }

    private static int datasetRank(RunRecord r) {
        for (int i = 0; i < PlaygroundExperiment.SHAPES.size(); i++) {
            if (r.variant().startsWith(PlaygroundExperiment.SHAPES.get(i).cliName())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

}
