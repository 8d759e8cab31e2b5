package org.activationlab.examples.experiments;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.activationlab.data.Dataset;
import org.activationlab.data.TrainTest;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.data.split.Splits;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.examples.report.MnistMlpReport;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.RunContext;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.saving.ModelInfo;
import org.activationlab.tf.saving.Preprocessing;
import org.activationlab.tf.training.History;

/**
 * The MLP paper (Bùi Khánh Huyền and Trần Thu Thủy, Military Technical Academy): 784-128-64-10 on all 70,000
 * MNIST images split 7:2:1, plain SGD, batch 64, 100 epochs. The paper does not state its learning rate; we use
 * 0.01 (Keras' SGD default, which its code most likely used).
 */
public final class MnistMlpExperiment implements Experiment<MnistMlpExperiment.PaperData> {

    public static final String NAME = "mnist-mlp";
    public static final double LEARNING_RATE = 0.01;
    public static final int BATCH_SIZE = 64;
    public static final int EPOCHS = 100;
    /** Seed of the stratified 7:2:1 split: fixed, so every run and seed sees the same three sets. */
    public static final long SPLIT_SEED = 1;
    /** The activations of the paper's tables. */
    public static final List<Activation> PAPER_ACTIVATIONS = List.of(Activations.relu(), Activations.leakyRelu(0.01),
            Activations.sigmoid());

    /** The paper's split of all 70,000 images. */
    public record PaperData(Dataset train, Dataset test, Dataset valid) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the MLP paper's Tables 1 and 2: 784-128-64-10 on MNIST split 7:2:1, SGD";
    }

    @Override
    public ExperimentDefaults defaults() {
        return new ExperimentDefaults(EPOCHS, BATCH_SIZE, 0, Sgd.of(LEARNING_RATE).describe(), null,
                "MNIST, all 70,000 images split 7:2:1");
    }

    @Override
    public List<Activation> defaultActivations() {
        return PAPER_ACTIVATIONS;
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return model(activation);
    }

    /** The paper's model with {@code hidden} after both hidden layers. */
    public static Sequential model(Activation hidden) {
        return Sequential.of(input(28, 28, 1), flatten(), dense(128).activation(hidden), dense(64).activation(hidden),
                dense(10).softmax());
    }

    @Override
    public PaperData prepare(StudySettings settings, DataContext data) throws IOException {
        return split(Mnist.load(data.resolver()));
    }

    /** Splits all of MNIST train:test:valid = 7:2:1, stratified by class, with {@link #SPLIT_SEED}. */
    public static PaperData split(TrainTest mnist) {
        List<Dataset> parts = Splits.stratified(mnist.all(), new double[] {0.7, 0.2, 0.1}, SPLIT_SEED,
                "mnist-train", "mnist-test", "mnist-valid");
        return new PaperData(parts.get(0), parts.get(1), parts.get(2));
    }

    @Override
    public Protocol protocol(PaperData data, StudyGrid.Run run, StudySettings settings) {
        return mlpProtocol(data, model(run.activation()), Sgd.of(LEARNING_RATE).describe(), settings, "")
                .initializer(initializerDescription(run.activation())).build();
    }

    @Override
    public RunRecord run(PaperData data, RunContext context) {
        Sequential model = model(context.run().activation());
        Dataset train = context.settings().trainingSet(data.train());
        try (CompiledModel compiled = context.compile(model, context.config(Sgd.of(LEARNING_RATE)), modelInfo(train))) {
            History history = compiled.fit(train, context.fit(BATCH_SIZE, "valid").validation(data.valid()).build());
            Evaluation valid = compiled.evaluate(data.valid());
            Evaluation test = compiled.evaluate(data.test());
            return context.record(history, valid, test).build();
        }
    }

    @Override
    public PageRenderer page() {
        return (records, docs, page) -> MnistMlpReport.render(records, records.get(0).command(), docs);
    }

    /** What a saved model of an MNIST run keeps to read new images: the digits and pixels in [0, 1]. */
    static ModelInfo modelInfo(Dataset train) {
        return new ModelInfo(train.classNames(), Preprocessing.unitRange(1));
    }

    /**
     * The protocol of an MLP trained on the paper's split, shared by the experiments built from dense layers;
     * {@code splitNote} is appended to the split's description.
     */
    static Protocol.Builder mlpProtocol(PaperData data, Sequential model, String optimizer, StudySettings settings,
            String splitNote) {
        Dataset train = settings.trainingSet(data.train());
        return Protocol.builder().model(model.toString(), model.trainableParameters()).optimizer(optimizer)
                .batchSize(BATCH_SIZE).epochs(settings.epochs()).split(splitDescription(data) + splitNote)
                .trainLimit(settings.trainLimit()).deterministic(settings.deterministic()).dataSource(train.source())
                .device(settings.device().name());
    }

    /** The paper split's description for a record's protocol. */
    static String splitDescription(PaperData data) {
        return String.format(Locale.ROOT,
                "all 70,000 MNIST images, stratified 7:2:1 with seed %d: train %,d / test %,d / valid %,d",
                SPLIT_SEED, data.train().size(), data.test().size(), data.valid().size());
    }

    /**
     * The initialisation of an MLP whose hidden layers all use {@code hidden}, for a record's protocol; shared by
     * the experiments built from dense layers.
     */
    static String initializerDescription(Activation hidden) {
        return "hidden layers " + hidden.preferredInitializer() + " (chosen for " + hidden.typeName()
                + "), output layer GLOROT_UNIFORM";
    }
}
