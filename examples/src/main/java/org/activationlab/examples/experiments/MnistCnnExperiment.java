package org.activationlab.examples.experiments;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.examples.report.CnnPaper;
import org.activationlab.examples.report.DawnBenchReport;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.Measurements;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.training.History;

/**
 * The CNN paper's MNIST study (Vĩnh Anh Nghiêm Quân et al., Hue University of Education, 2019, Table 3): PyTorch's
 * classic MNIST network ({@link PaperModels#mnistCnn}) with the activation under study after both convolution
 * blocks and the hidden dense layer, Adam (lr 1e-3, betas 0.9/0.999, epsilon 1e-8: PyTorch's defaults), batch
 * 128, 10 epochs on the canonical 60,000/10,000 split. As in the paper, the test set is evaluated after every epoch
 * to find the first epoch reaching 98% accuracy; there is no separate validation set.
 */
public final class MnistCnnExperiment implements Experiment<TrainTest> {

    public static final String NAME = "mnist-cnn";
    public static final int BATCH_SIZE = 128;
    public static final int EPOCHS = 10;
    public static final double THRESHOLD = 0.98;
    /** Batched inference uses PyTorch's MNIST example test batch size. */
    public static final int INFERENCE_BATCH_SIZE = 1000;
    public static final int SINGLE_SAMPLE_REPEATS = 200;
    /** The activations of Table 3, in the paper's order; LeakyReLU with PyTorch's default slope 0.01. */
    public static final List<Activation> PAPER_ACTIVATIONS = List.of(Activations.relu(), Activations.tanh(),
            Activations.selu(), Activations.prelu(), Activations.elu(), Activations.leakyRelu(0.01));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the CNN paper's Table 3: PyTorch's MNIST CNN, Adam, time to 98% test accuracy (DAWNBench)";
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(EPOCHS, BATCH_SIZE, 0, Adam.defaults().describe(), THRESHOLD,
                "MNIST, canonical 60,000 / 10,000 split");
    }

    @Override
    public List<Activation> defaultActivations() {
        return PAPER_ACTIVATIONS;
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return PaperModels.mnistCnn(activation);
    }

    @Override
    public TrainTest prepare(StudySettings settings, DataContext data) throws IOException {
        return Mnist.load(data.resolver());
    }

    @Override
    public Protocol protocol(TrainTest data, StudyGrid.Run run, StudySettings settings) {
        Sequential model = PaperModels.mnistCnn(run.activation());
        Dataset train = settings.trainingSet(data.train());
        Activation act = run.activation();
        return Protocol.builder().model(model.toString(), model.trainableParameters())
                .optimizer(Adam.defaults().describe()).batchSize(BATCH_SIZE).epochs(settings.epochs())
                .split(String.format(Locale.ROOT, "canonical MNIST split: train %,d / test %,d; the test set is"
                        + " evaluated after every epoch (the paper's protocol; no validation set)", train.size(),
                        data.test().size()))
                .trainLimit(settings.trainLimit()).deterministic(settings.deterministic()).dataSource(train.source())
                .initializer("convolutions and hidden dense layer " + act.preferredInitializer() + " (chosen for "
                        + act.typeName() + "), output layer GLOROT_UNIFORM")
                .device(settings.device().name()).setting("threshold", settings.threshold()).build();
    }

    @Override
    public RunRecord run(TrainTest data, RunContext context) {
        Sequential model = PaperModels.mnistCnn(context.run().activation());
        Dataset train = context.settings().trainingSet(data.train());
        try (CompiledModel compiled = context.compile(model, context.config(Adam.defaults()),
                MnistMlpExperiment.modelInfo(train))) {
            long start = System.nanoTime();
            History history = compiled.fit(train,
                    context.fit(BATCH_SIZE, "test").validation(data.test()).build());
            double wall = (System.nanoTime() - start) / 1e9;
            Evaluation test = compiled.evaluate(data.test());
            InferenceTiming inference = compiled.timeInference(data.test(), INFERENCE_BATCH_SIZE,
                    SINGLE_SAMPLE_REPEATS);
            return context.record(history, null, test).section(DawnBenchMetrics.SECTION, Measurements.dawnbench(
                    "test", history.timeToAccuracy(context.settings().threshold()), history.trainSeconds(), wall,
                    inference, test.accuracy())).build();
        }
    }

    @Override
    public PageRenderer page() {
        return (records, docs, page) -> DawnBenchReport.render(records, records.get(0).command(),
                CnnPaper.MNIST_TABLE_3, docs);
    }
}
