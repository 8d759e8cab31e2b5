package org.activationlab.examples.experiments;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.layers.Layer;
import org.activationlab.examples.report.VanishingGradientsReport;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.Measurements;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Probes;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.History;

/**
 * The vanishing-gradient claim (the article on the vanishing gradient problem): with sigmoid every layer scales the
 * backpropagated gradient by sigmoid'(z) &lt;= 0.25, so layers near the input barely learn. A deep MLP on MNIST
 * ({@value #DEFAULT_DEPTH} hidden layers of {@value #DEFAULT_WIDTH} units by default) trained with plain SGD; the
 * gradient norm of every layer is probed at initialisation and after every epoch on a fixed batch of
 * {@value #PROBE_SIZE} training images. Each activation gets the initialiser suited to it (Glorot for sigmoid and
 * tanh, He for the ReLU family, LeCun for SELU), so that the weights' own scaling is about 1 per layer and what is
 * left is the activation's derivative.
 */
public final class VanishingGradientsExperiment implements Experiment<TrainTest> {

    public static final String NAME = "vanishing-gradients";
    public static final int DEFAULT_DEPTH = 10;
    public static final int DEFAULT_WIDTH = 64;
    public static final double LEARNING_RATE = 0.01;
    public static final int BATCH_SIZE = 64;
    public static final int EPOCHS = 5;
    public static final int PROBE_SIZE = 1000;
    /** The bound the article states: the sigmoid's derivative never exceeds 1/4. */
    public static final double SIGMOID_BOUND = 0.25;
    public static final List<Activation> ACTIVATIONS = List.of(Activations.sigmoid(), Activations.tanh(),
            Activations.relu(), Activations.leakyRelu(0.01), Activations.elu(), Activations.selu());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "gradient norm per layer of a deep MLP on MNIST: does sigmoid's gradient vanish towards the input?";
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(EPOCHS, BATCH_SIZE, 0, Sgd.of(LEARNING_RATE).describe(), null,
                "MNIST, canonical 60,000 / 10,000 split");
    }

    @Override
    public List<ExperimentOption> options() {
        return List.of(new ExperimentOption("depth", "N", "Hidden layers of the deep MLP.", "" + DEFAULT_DEPTH),
                new ExperimentOption("width", "N", "Units per hidden layer.", "" + DEFAULT_WIDTH));
    }

    @Override
    public List<Activation> defaultActivations() {
        return ACTIVATIONS;
    }

    @Override
    public List<String> variants(StudySettings settings) {
        int depth = Options.integer(settings, "depth");
        int width = Options.integer(settings, "width");
        checkShape(depth, width);
        return List.of(variant(depth, width));
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return model(activation, Options.integer(settings, "depth"), Options.integer(settings, "width"));
    }

    @Override
    public TrainTest prepare(StudySettings settings, DataContext data) throws IOException {
        return Mnist.load(data.resolver());
    }

    /** {@code depth} hidden dense layers of {@code width} units, each followed by {@code hidden}. */
    public static Sequential model(Activation hidden, int depth, int width) {
        checkShape(depth, width);
        List<Layer> layers = new ArrayList<>(List.of(input(28, 28, 1), flatten()));
        for (int i = 0; i < depth; i++) {
            layers.add(dense(width).activation(hidden));
        }
        layers.add(dense(10).softmax());
        return Sequential.of(layers.toArray(Layer[]::new));
    }

    /** Rejects a network the experiment cannot measure a per-layer factor on. */
    public static void checkShape(int depth, int width) {
        if (depth < 2 || width < 1) {
            throw new IllegalArgumentException("--depth must be >= 2 (a per-layer decay needs two layers) and --width"
                    + " >= 1, got depth " + depth + " and width " + width);
        }
    }

    /** The variant (records subfolder) of a depth and width, e.g. {@code depth-10-width-64}. */
    public static String variant(int depth, int width) {
        return "depth-" + depth + "-width-" + width;
    }

    @Override
    public Protocol protocol(TrainTest data, StudyGrid.Run run, StudySettings settings) {
        Sequential model = model(run.activation(), run.variant(), settings);
        Dataset train = settings.trainingSet(data.train());
        return Protocol.builder().model(model.toString(), model.trainableParameters())
                .optimizer(Sgd.of(LEARNING_RATE).describe()).batchSize(BATCH_SIZE).epochs(settings.epochs())
                .split(String.format(Locale.ROOT, "canonical MNIST split: train %,d / test %,d (test evaluated after"
                        + " every epoch); probes on a fixed sample of %,d training images", train.size(),
                        data.test().size(), Math.min(PROBE_SIZE, train.size())))
                .trainLimit(settings.trainLimit()).deterministic(settings.deterministic()).dataSource(train.source())
                .initializer(MnistMlpExperiment.initializerDescription(run.activation()))
                .device(settings.device().name()).build();
    }

    /** Trains one activation with probes and returns its record. */
    @Override
    public RunRecord run(TrainTest data, RunContext context) {
        Sequential model = model(context.run().activation(), context.run().variant(), context.settings());
        Dataset train = context.settings().trainingSet(data.train());
        try (CompiledModel compiled = context.compile(model, context.config(Sgd.of(LEARNING_RATE)),
                MnistMlpExperiment.modelInfo(train))) {
            History history = compiled.fit(train, context.fit(BATCH_SIZE, "test").validation(data.test())
                    .probes(Math.min(PROBE_SIZE, train.size())).build());
            Evaluation test = compiled.evaluate(data.test());
            return context.record(history, null, test).section(Probes.SECTION, Measurements.probes(history)).build();
        }
    }

    @Override
    public PageRenderer page() {
        return (records, docs, page) -> VanishingGradientsReport.render(records, docs);
    }
}
