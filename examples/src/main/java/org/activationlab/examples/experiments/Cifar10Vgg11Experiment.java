package org.activationlab.examples.experiments;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.activationlab.data.ChannelStats;
import org.activationlab.data.Dataset;
import org.activationlab.data.Datasets;
import org.activationlab.data.TrainTest;
import org.activationlab.data.split.Splits;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.examples.report.CnnPaper;
import org.activationlab.examples.report.DawnBenchReport;
import org.activationlab.study.Experiment;
import org.activationlab.study.ExperimentDefaults;
import org.activationlab.study.ExperimentOption;
import org.activationlab.study.Measurements;
import org.activationlab.study.RunContext;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudyGrid;
import org.activationlab.study.StudySettings;
import org.activationlab.study.records.DawnBenchMetrics;
import org.activationlab.study.records.Protocol;
import org.activationlab.study.records.RunRecord;
import org.activationlab.study.report.PageRenderer;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.Device;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Adam;
import org.activationlab.tf.saving.ModelInfo;
import org.activationlab.tf.saving.Preprocessing;
import org.activationlab.tf.training.Augmentation;
import org.activationlab.tf.training.History;

/**
 * The CNN paper's CIFAR-10 study (Table 4): VGG-11 with batch norm ({@link PaperModels#cifar10Vgg11}) with the
 * activation under study after every batch norm, Adam (PyTorch's defaults), batch 128, 50 epochs, 87% test
 * accuracy threshold, per-channel normalisation with training statistics and the standard CIFAR augmentation
 * (random 4-pixel-padded crops, horizontal flips). That is the full protocol, the default on a GPU.
 *
 * <p>On 2 CPU cores an epoch of the 50,000 training images takes about 6 minutes, so the full protocol would take
 * about 5 hours per activation. The {@linkplain #REDUCED reduced protocol} trains on a stratified subset for fewer
 * epochs with a lower threshold, so all six activations fit in about an hour; its records and docs say so.
 */
public final class Cifar10Vgg11Experiment implements Experiment<Cifar10Vgg11Experiment.CifarData> {

    public static final String NAME = "cifar10-vgg11";
    public static final int BATCH_SIZE = 128;
    public static final int INFERENCE_BATCH_SIZE = 500;
    public static final int SINGLE_SAMPLE_REPEATS = 50;
    /** Seed of the stratified training subset of the reduced protocol, fixed so every activation sees the same. */
    public static final long SUBSET_SEED = 1;

    /** The paper's protocol: all 50,000 training images, 50 epochs, 87%. */
    public static final RunSettings FULL = new RunSettings(50, 0, 0.87);
    /**
     * The reduced protocol for 2 CPU cores: a stratified 10,000-image training subset, 6 epochs, 60% threshold
     * (chosen from measured epoch times: about 70 s of training plus 25 s of test evaluation per epoch).
     */
    public static final RunSettings REDUCED = new RunSettings(6, 10_000, 0.60);

    /**
     * The normalised data of a study.
     *
     * @param train the training images a run uses (the subset already taken), normalised
     * @param test the normalised test images
     * @param preprocessing how the inputs were prepared, for the records
     * @param classes the dataset's classes: the model's softmax has one output each, and macro metrics average
     *     over them
     * @param stats the per-channel mean and standard deviation the images were normalised with
     */
    public record CifarData(Dataset train, Dataset test, String preprocessing, int classes, ChannelStats stats) {

        /** What a saved model keeps to read new images: the class names and the normalisation it trained with. */
        public ModelInfo modelInfo() {
            return new ModelInfo(train.classNames(), Preprocessing.normalised(stats.mean(), stats.std()));
        }
    }

    /** The image shape both CIFAR networks take. */
    private static final int[] IMAGE_SHAPE = {32, 32, 3};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the CNN paper's Table 4: VGG-11 with batch norm on CIFAR-10, Adam, augmentation, time to accuracy";
    }

    /** The full protocol's defaults; {@link #configure} switches to the reduced one on a CPU. */
    @Override
    public ExperimentDefaults defaults() {
        return defaults(FULL);
    }

    private static ExperimentDefaults defaults(RunSettings p) {
        return new ExperimentDefaults(p.epochs(), BATCH_SIZE, p.trainLimit(), Adam.defaults().describe(),
                p.threshold(), "CIFAR-10 (--data cifar10, cifar10-jpeg or folder:<dir or .tar.gz>)");
    }

    @Override
    public List<ExperimentOption> options() {
        return List.of(new ExperimentOption("protocol", "full|reduced", "The paper's full protocol (50,000 images, 50"
                        + " epochs, 87%), or the reduced one that fits six activations into about an hour on 2 CPU"
                        + " cores (10,000 images, 6 epochs, 60%). Default: full on a GPU, reduced on the CPU;"
                        + " --epochs, --train-limit and --threshold override either.", "auto"),
                new ExperimentOption("data", "SPEC", "cifar10 (the canonical binary CIFAR-10), cifar10-jpeg (the JPEG"
                        + " re-encoding the offline mirror holds) or folder:<dir or .tar.gz> (train/<class>/*,"
                        + " test/<class>/*).", "cifar10"));
    }

    @Override
    public StudySettings configure(SettingsRequest request) {
        return configureWith(request, defaults(protocolOf(request, FULL, REDUCED)));
    }

    /** The protocol {@code --protocol} names: full, reduced, or (auto) full on a GPU and reduced on the CPU. */
    static RunSettings protocolOf(SettingsRequest request, RunSettings full, RunSettings reduced) {
        String p = request.options().getOrDefault("protocol", "auto").strip().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "full" -> full;
            case "reduced" -> reduced;
            case "auto" -> request.device() == Device.GPU ? full : reduced;
            default -> throw new IllegalArgumentException("--protocol must be full or reduced, got '"
                    + request.options().get("protocol") + "'");
        };
    }

    @Override
    public String modelNote() {
        return "The paper prints 9,231,144 total parameters, but its own rows add up to 9,231,114 (a typo).";
    }

    @Override
    public List<Activation> defaultActivations() {
        return MnistCnnExperiment.PAPER_ACTIVATIONS;
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return PaperModels.cifar10Vgg11(activation);
    }

    /**
     * VGG-11's activations and their gradients at batch 128, its 9.2 M weights with their gradients and optimizer
     * state, and TensorFlow's scratch space; the images (about 614 MB) are shared by all runs.
     */
    @Override
    public long bytesPerRun(CifarData data) {
        return 1L << 30;
    }

    @Override
    public CifarData prepare(StudySettings settings, DataContext context) throws IOException {
        TrainTest cifar = Datasets.openImages(settings.option("data"), context.resolver());
        if (!java.util.Arrays.equals(cifar.sampleShape(), IMAGE_SHAPE)) {
            int[] s = cifar.sampleShape();
            throw new IllegalArgumentException("--data " + settings.option("data") + " holds "
                    + java.util.Arrays.stream(s).mapToObj(Integer::toString).collect(java.util.stream.Collectors
                            .joining("x")) + " images, but cifar10-vgg11 and cifar10-resnet20 train on 32x32 RGB"
                    + " images (VGG-11 halves them five times); pass --data a folder or archive of 32x32 RGB"
                    + " images (resize them first), or write an experiment of your own for this size");
        }
        ChannelStats stats = ChannelStats.of(cifar.train());
        String preprocessing = "pixels scaled to [0, 1], then per-channel normalisation with the statistics of"
                + String.format(Locale.ROOT, " all %,d training images: ", cifar.train().size()) + stats;
        context.log("activation-lab: " + preprocessing);
        return new CifarData(trainingSet(cifar.train(), settings.trainLimit()).normalized(stats),
                cifar.test().normalized(stats), preprocessing, cifar.numClasses(), stats);
    }

    @Override
    public Protocol protocol(CifarData data, StudyGrid.Run run, StudySettings settings) {
        Sequential model = PaperModels.cifar10Vgg11(run.activation(), data.classes());
        return Protocol.builder().model(model.toString(), model.trainableParameters())
                .optimizer(Adam.defaults().describe()).batchSize(BATCH_SIZE).epochs(settings.epochs())
                .split(split(data.train(), data.test(), settings.trainLimit())).trainLimit(settings.trainLimit())
                .deterministic(settings.deterministic()).dataSource(data.train().source())
                .initializer(initializerDescription(run.activation()))
                .preprocessing(data.preprocessing() + "; augmentation: " + Augmentation.cifar().describe())
                .device(settings.device().name()).setting("threshold", settings.threshold()).build();
    }

    /** The training images a run uses: all of them, or a stratified subset of {@code trainLimit}. */
    public static Dataset trainingSet(Dataset train, int trainLimit) {
        if (trainLimit == 0 || trainLimit >= train.size()) {
            return train;
        }
        double fraction = trainLimit / (double) train.size();
        List<Dataset> parts = Splits.stratified(train, new double[] {fraction, 1 - fraction}, SUBSET_SEED,
                train.name() + "-subset", train.name() + "-rest");
        return parts.get(0);
    }

    @Override
    public RunRecord run(CifarData data, RunContext context) {
        Sequential model = PaperModels.cifar10Vgg11(context.run().activation(), data.classes());
        try (CompiledModel compiled = context.compile(model,
                context.config(Adam.defaults()).withAugmentation(Augmentation.cifar()), data.modelInfo())) {
            long start = System.nanoTime();
            History history = compiled.fit(data.train(), context.fit(BATCH_SIZE, "test").validation(data.test())
                    .evalBatchSize(INFERENCE_BATCH_SIZE).build());
            double wall = (System.nanoTime() - start) / 1e9;
            Evaluation evaluation = compiled.evaluate(data.test(), INFERENCE_BATCH_SIZE);
            InferenceTiming inference = compiled.timeInference(data.test(), INFERENCE_BATCH_SIZE,
                    SINGLE_SAMPLE_REPEATS);
            return context.record(history, null, evaluation).section(DawnBenchMetrics.SECTION,
                    Measurements.dawnbench("test", history.timeToAccuracy(context.settings().threshold()),
                            history.trainSeconds(), wall, inference, evaluation.accuracy())).build();
        }
    }

    @Override
    public PageRenderer page() {
        return (records, docs, page) -> DawnBenchReport.render(records, records.get(0).command(),
                CnnPaper.CIFAR10_TABLE_4, docs);
    }

    static String split(Dataset train, Dataset test, int trainLimit) {
        String subset = trainLimit == 0 ? "all " : String.format(Locale.ROOT,
                "a class-stratified subset (seed %d) of ", SUBSET_SEED);
        return String.format(Locale.ROOT, "CIFAR-10: train on %s%,d images / test %,d; the test set is evaluated after"
                + " every epoch (the paper's protocol; no validation set)", subset, train.size(), test.size());
    }

    private static String initializerDescription(Activation act) {
        return "convolutions " + act.preferredInitializer() + " (chosen for " + act.typeName()
                + "), output layer GLOROT_UNIFORM; batch norm gamma 1, beta 0";
    }
}
