package org.activationlab.examples.experiments;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.input;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.playground.PlaygroundData;
import org.activationlab.data.playground.PlaygroundShape;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.report.PlaygroundReport;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.Measurements;
import org.activationlab.study.RunContext;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Convergence;
import org.activationlab.study.records.DecisionBoundary;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.callbacks.Callback;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.saving.ModelInfo;
import org.activationlab.tf.training.FitOptions;
import org.activationlab.tf.training.History;

/**
 * The playground anecdote (Keng Surapong, "Activation Function ep.3: ReLU"): on TensorFlow Playground a network
 * with two hidden layers converges in about 61 epochs with ReLU, 100+ with Tanh and 1000+ with Sigmoid. The
 * playground's default network and training: inputs x1 and x2, hidden layers of 4 and 2 units, SGD with learning
 * rate 0.03 and batch 10, {@value PlaygroundData#DEFAULT_SAMPLES} points split 50:50. A run trains until its test
 * loss reaches the threshold or the epoch budget is spent.
 *
 * <p>Differences from the playground: the output is a 2-class softmax with cross-entropy (a tanh output
 * {@code tanh((z1 - z0) / 2)} with the logistic loss), not one tanh unit with squared error, so the loss threshold
 * is a cross-entropy; weights start from the activation's usual initialiser (Glorot or He) unless the setting asks
 * for the playground's uniform [-0.5, 0.5] with bias 0.1.
 */
public final class PlaygroundExperiment implements Experiment<Void> {

    public static final String NAME = "playground";
    public static final double LEARNING_RATE = 0.03;
    public static final int BATCH_SIZE = 10;
    public static final int MAX_EPOCHS = 3000;
    /** Test cross-entropy at which a run counts as converged: the positive class gets ~0.9 on average. */
    public static final double LOSS_THRESHOLD = 0.1;
    public static final List<PlaygroundShape> SHAPES = List.of(PlaygroundShape.CIRCLE, PlaygroundShape.XOR,
            PlaygroundShape.GAUSSIAN, PlaygroundShape.SPIRAL);
    public static final List<Activation> ACTIVATIONS = List.of(Activations.relu(), Activations.tanh(),
            Activations.sigmoid(), Activations.leakyRelu(0.01), Activations.elu());
    /** Coordinates of the decision-boundary grid: the playground's view, [-6, 6] in both. */
    public static final double VIEW = 6;
    public static final int GRID = 41;
    /** How {@code --init playground} starts the weights, as the run record states it. */
    public static final String PLAYGROUND_INIT = "the playground's: every weight uniform on [-0.5, 0.5], every bias"
            + " 0.1 (all layers)";

    /** The protocol setting of the convergence threshold. */
    public static final String LOSS_THRESHOLD_SETTING = "loss_threshold";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TensorFlow Playground's datasets: epochs to converge by activation (the \"61 / 100+ / 1000+\""
                + " anecdote)";
    }

    /** The epochs are a budget: a run stops once its test loss reaches the threshold. */
    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(MAX_EPOCHS, BATCH_SIZE, 0, Sgd.of(LEARNING_RATE).describe(), null,
                "TensorFlow Playground datasets, " + PlaygroundData.DEFAULT_SAMPLES + " points generated per seed");
    }

    @Override
    public List<ExperimentOption> options() {
        return List.of(
                new ExperimentOption("datasets", "LIST", "Comma-separated datasets among circle, xor, gaussian,"
                        + " spiral.", SHAPES.stream().map(PlaygroundShape::cliName).collect(Collectors.joining(","))),
                new ExperimentOption("noise", "X", "The datasets' noise in [0, 0.5], as the playground's slider.",
                        "" + PlaygroundData.DEFAULT_NOISE),
                new ExperimentOption("init", "preferred|playground", "Start from each activation's usual initialiser"
                        + " (preferred) or from the playground's (every weight uniform on [-0.5, 0.5], every bias"
                        + " 0.1); the latter's records go to <dataset>-playground-init.", "preferred"),
                new ExperimentOption("loss-threshold", "LOSS", "Test cross-entropy at or below which a run has"
                        + " converged and stops.", "" + LOSS_THRESHOLD));
    }

    @Override
    public StudySettings configure(SettingsRequest request) {
        if (request.trainLimit() != null) {
            throw new IllegalArgumentException("--train-limit does not apply to playground (its datasets have 500"
                    + " points, half for training)");
        }
        StudySettings settings = Experiment.super.configure(request);
        double noise = Options.number(settings, "noise");
        if (!(noise >= 0 && noise <= PlaygroundData.MAX_NOISE)) {
            throw new IllegalArgumentException("--noise must be in [0, 0.5] (the playground's slider), got " + noise);
        }
        if (!(lossThreshold(settings) > 0)) {
            throw new IllegalArgumentException("--loss-threshold must be a cross-entropy > 0, got "
                    + settings.option("loss-threshold"));
        }
        playgroundInit(settings);
        return settings;
    }

    private static double lossThreshold(StudySettings settings) {
        return Options.number(settings, "loss-threshold");
    }

    private static boolean playgroundInit(StudySettings settings) {
        String init = settings.option("init").strip();
        if (init.equalsIgnoreCase("preferred")) {
            return false;
        }
        if (init.equalsIgnoreCase("playground")) {
            return true;
        }
        throw new IllegalArgumentException("--init must be preferred or playground, got '" + init + "'");
    }

    @Override
    public List<Activation> defaultActivations() {
        return ACTIVATIONS;
    }

    @Override
    public List<String> variants(StudySettings settings) {
        double noise = Options.number(settings, "noise");
        boolean init = playgroundInit(settings);
        return Options.list(settings, "datasets", PlaygroundShape::parse).stream()
                .map(shape -> new Setting(shape, noise, init).variant()).toList();
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return model(activation);
    }

    @Override
    public Void prepare(StudySettings settings, DataContext data) {
        return null;
    }

    @Override
    public Protocol protocol(Void data, StudyGrid.Run run, StudySettings settings) {
        Setting setting = Setting.ofVariant(run.variant());
        TrainTest split = setting.data(run.seed());
        Sequential model = model(run.activation());
        return Protocol.builder().model(model.toString(), model.trainableParameters())
                .optimizer(Sgd.of(LEARNING_RATE).describe()).batchSize(BATCH_SIZE).epochs(settings.epochs())
                .split(String.format(Locale.ROOT, "%d points, %d%% for training (%d) and the rest for testing (%d),"
                        + " shuffled with the run's seed", PlaygroundData.DEFAULT_SAMPLES,
                        Math.round(100 * PlaygroundData.DEFAULT_TRAIN_FRACTION), split.train().size(),
                        split.test().size()))
                .deterministic(settings.deterministic()).dataSource(dataSource(split.train().source(), run.seed()))
                .initializer(setting.playgroundInit() ? PLAYGROUND_INIT
                        : MnistMlpExperiment.initializerDescription(run.activation()))
                .preprocessing("raw coordinates x1, x2 in about [-6, 6]; no feature crosses")
                .device(settings.device().name())
                .setting(LOSS_THRESHOLD_SETTING, lossThreshold(settings)).build();
    }

    @Override
    public PageRenderer page() {
        return (records, docs, page) -> PlaygroundReport.render(records, docs);
    }

    /**
     * The generator's description with the run's seed named as such: every seed generates its own points, and the
     * record holds the seed, so that the runs of one grid share one protocol.
     */
    private static String dataSource(String generated, long seed) {
        return generated.replace("seed " + seed, "the run's seed");
    }

    /**
     * Records written before the boundary held its points get the test points of their seed's dataset, and a data
     * source that names the run's seed as such.
     */
    @Override
    public RunRecord complete(RunRecord legacy) {
        RunRecord r = legacy;
        String source = dataSource(r.protocol().dataSource(), r.seed());
        if (!source.equals(r.protocol().dataSource())) {
            Protocol p = r.protocol();
            r = r.withProtocol(new Protocol(p.model(), p.parameters(), p.optimizer(), p.batchSize(), p.epochs(),
                    p.split(), p.trainLimit(), p.deterministic(), source, p.initializer(), p.preprocessing(),
                    p.device(), p.settings()));
        }
        DecisionBoundary b = r.boundary();
        if (b == null || b.points() != null) {
            return r;
        }
        Dataset test = Setting.ofVariant(r.variant()).data(r.seed()).test();
        return r.withSection(DecisionBoundary.SECTION, new DecisionBoundary(b.min(), b.max(), b.rows(),
                DecisionBoundary.Points.of(test.features(), test.labels())));
    }

    /** The playground's default network with {@code hidden} in both hidden layers. */
    public static Sequential model(Activation hidden) {
        return Sequential.of(input(2), dense(4).activation(hidden), dense(2).activation(hidden), dense(2).softmax());
    }

    /**
     * One setting of the experiment besides activation and seed: the dataset's shape and noise, and whether the
     * weights start as the playground's (uniform [-0.5, 0.5], biases 0.1) instead of the activation's usual
     * initialiser.
     */
    public record Setting(PlaygroundShape shape, double noise, boolean playgroundInit) {

        private static final String NOISE = "-noise";
        private static final String INIT = "-playground-init";

        /** The variant (records subfolder): the shape, then the noise unless 0, e.g. {@code xor-noise0.2}. */
        public String variant() {
            return shape.cliName() + (noise == 0 ? "" : NOISE
                    + BigDecimal.valueOf(noise).stripTrailingZeros().toPlainString())
                    + (playgroundInit ? INIT : "");
        }

        /** The setting a variant names, the inverse of {@link #variant()}. */
        public static Setting ofVariant(String variant) {
            boolean init = variant.endsWith(INIT);
            String rest = init ? variant.substring(0, variant.length() - INIT.length()) : variant;
            int dash = rest.indexOf(NOISE);
            PlaygroundShape shape = PlaygroundShape.parse(dash < 0 ? rest : rest.substring(0, dash));
            double noise = dash < 0 ? 0 : Double.parseDouble(rest.substring(dash + NOISE.length()));
            return new Setting(shape, noise, init);
        }

        /** The dataset of a seed, split 50:50 with the same seed. */
        public TrainTest data(long seed) {
            return PlaygroundData.split(PlaygroundData.generate(shape, PlaygroundData.DEFAULT_SAMPLES, noise, seed),
                    PlaygroundData.DEFAULT_TRAIN_FRACTION, seed);
        }
    }

    /**
     * Generates the dataset with the run's seed (so that the activations of one seed see the same points), trains
     * until the test loss reaches the threshold or the epoch budget is spent, and records the convergence epoch
     * and the decision boundary with the test points.
     */
    @Override
    public RunRecord run(Void nothing, RunContext context) {
        StudyGrid.Run run = context.run();
        Setting setting = Setting.ofVariant(run.variant());
        TrainTest data = setting.data(run.seed());
        double threshold = lossThreshold(context.settings());
        int budget = context.settings().epochs();
        Callback stopper = (s, control) -> {
            if (s.valLoss() <= threshold) {
                control.stop(String.format(Locale.ROOT, "test loss %.4f <= %s at epoch %d", s.valLoss(), threshold,
                        s.epoch()));
            }
            if (s.epoch() % 500 == 0 || s.valLoss() <= threshold) {
                context.log(String.format(Locale.ROOT, "%s %s seed %d epoch %d/%d: loss %.4f | test loss %.4f acc"
                        + " %.4f", setting.variant(), run.activation().spec(), run.seed(), s.epoch(), budget,
                        s.trainLoss(), s.valLoss(), s.valAccuracy()));
            }
        };
        // saved models only: checkpoints and TensorBoard would cost more than runs of seconds (own fit options)
        try (CompiledModel compiled = context.compile(model(run.activation()), context.config(Sgd.of(LEARNING_RATE)),
                new ModelInfo(data.train().classNames(), null))) {
            if (setting.playgroundInit()) {
                compiled.setWeights(playgroundWeights(compiled.weights(), run.seed()));
            }
            History history = compiled.fit(data.train(), FitOptions
                    .builder(budget, BATCH_SIZE).shuffleSeed(run.seed()).validation(data.test())
                    .evalBatchSize(data.test().size()).callback(stopper).build());
            Evaluation test = compiled.evaluate(data.test());
            RunRecord.Builder record = context.record(history, null, test);
            return record.section(DecisionBoundary.SECTION, boundary(compiled, data.test()))
                    .section(Convergence.SECTION, Convergence.of("test", threshold, Measurements.history(history),
                            budget))
                    .build();
        }
    }

    /**
     * The playground's initialisation: every weight uniform on [-0.5, 0.5] and every bias 0.1, drawn from a stream
     * of the run's seed; overrides the compiled model's initial values.
     */
    private static Map<String, float[]> playgroundWeights(Map<String, float[]> current, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + 700_000L);
        Map<String, float[]> initial = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> p : current.entrySet()) {
            float[] values = new float[p.getValue().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = p.getKey().endsWith("/bias") ? 0.1f : (float) (random.nextDouble() - 0.5);
            }
            initial.put(p.getKey(), values);
        }
        return initial;
    }

    private static DecisionBoundary boundary(CompiledModel compiled, Dataset test) {
        double[] axis = DecisionBoundary.axis(-VIEW, VIEW, GRID);
        float[] points = new float[GRID * GRID * 2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                points[(r * GRID + c) * 2] = (float) axis[c];
                points[(r * GRID + c) * 2 + 1] = (float) axis[r];
            }
        }
        float[] p = compiled.predictProbabilities(points, GRID * GRID);
        float[] positive = new float[GRID * GRID];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = p[i * 2 + 1];
        }
        return DecisionBoundary.of(-VIEW, VIEW, GRID, positive,
                DecisionBoundary.Points.of(test.features(), test.labels()));
    }
}
