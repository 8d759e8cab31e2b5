package org.activationlab.examples.experiments;

import java.io.IOException;
import java.util.List;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.dsl.blocks.Shortcut;
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
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.metrics.InferenceTiming;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.schedules.MultiStepDecay;
import org.activationlab.tf.training.Augmentation;
import org.activationlab.tf.training.History;

/**
 * He et al. 2016's CIFAR-10 ResNet-20 ({@link PaperModels#cifar10ResNet20}, option-A shortcuts, 269,722
 * parameters) with the activation under study after every batch norm, under their protocol: SGD with momentum 0.9
 * and weight decay 1e-4 (PyTorch's coupled {@code weight_decay}), learning rate 0.1 divided by 10 at 50% and 75%
 * of training, batch 128, random crops and flips, per-channel normalisation. Their 64,000 iterations at batch 128
 * are about 164 epochs of 50,000 images: the full protocol, the default on a GPU. The reduced protocol for 2 CPU
 * cores trains on a stratified 10,000-image subset for 10 epochs with a 60% threshold; its records and pages say
 * so. The page is the generic study page (no paper table of activations to compare with).
 */
public final class Cifar10ResNet20Experiment implements Experiment<Cifar10Vgg11Experiment.CifarData> {

    public static final String NAME = "cifar10-resnet20";
    public static final int BATCH_SIZE = 128;
    public static final double LEARNING_RATE = 0.1;
    public static final double MOMENTUM = 0.9;
    public static final double WEIGHT_DECAY = 1e-4;
    /** He et al.'s 64,000 iterations, in epochs of 50,000 images at batch 128; 91% test accuracy is their ballpark. */
    public static final RunSettings FULL = new RunSettings(164, 0, 0.91);
    /** A CPU-sized protocol: a stratified 10,000-image subset, 10 epochs, 60%. */
    public static final RunSettings REDUCED = new RunSettings(10, 10_000, 0.60);

    private static final Sgd OPTIMIZER = new Sgd(LEARNING_RATE, MOMENTUM, false, WEIGHT_DECAY);
    private final Cifar10Vgg11Experiment data = new Cifar10Vgg11Experiment();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "He et al.'s ResNet-20 on CIFAR-10: SGD momentum 0.9, weight decay 1e-4, x0.1 at 50% and 75%";
    }

    @Override
    public ExperimentDefaults defaults() {
        return defaults(FULL);
    }

    private static ExperimentDefaults defaults(RunSettings p) {
        return new ExperimentDefaults(p.epochs(), BATCH_SIZE, p.trainLimit(), OPTIMIZER.describe(), p.threshold(),
                "CIFAR-10 (--data cifar10, cifar10-jpeg or folder:<dir or .tar.gz>)");
    }

    /** The same options as cifar10-vgg11's: the protocol and the data. */
    @Override
    public List<ExperimentOption> options() {
        return data.options();
    }

    @Override
    public StudySettings configure(SettingsRequest request) {
        return configureWith(request, defaults(Cifar10Vgg11Experiment.protocolOf(request, FULL, REDUCED)));
    }

    @Override
    public List<Activation> defaultActivations() {
        return List.of(Activations.relu(), Activations.leakyRelu(0.01), Activations.elu(), Activations.selu(),
                Activations.gelu(), Activations.swish(), Activations.mish());
    }

    @Override
    public Sequential model(Activation activation, String variant, StudySettings settings) {
        return PaperModels.cifar10ResNet20(activation);
    }

    @Override
    public Cifar10Vgg11Experiment.CifarData prepare(StudySettings settings, DataContext context) throws IOException {
        return data.prepare(settings, context);
    }

    /** x0.1 at 50% and 75% of the epochs, as He et al. at 32,000 and 48,000 of 64,000 iterations. */
    static MultiStepDecay schedule(int epochs) {
        return new MultiStepDecay(List.of(Math.max(1, epochs / 2), Math.max(1, epochs * 3 / 4)), 0.1);
    }

    @Override
    public Protocol protocol(Cifar10Vgg11Experiment.CifarData d, StudyGrid.Run run, StudySettings settings) {
        Sequential model = PaperModels.cifar10ResNet20(run.activation(), Shortcut.ZERO_PAD, d.classes());
        Activation act = run.activation();
        return Protocol.builder().model(model.toString(), model.trainableParameters())
                .optimizer(OPTIMIZER.describe()).batchSize(BATCH_SIZE).epochs(settings.epochs())
                .split(Cifar10Vgg11Experiment.split(d.train(), d.test(), settings.trainLimit()))
                .trainLimit(settings.trainLimit()).deterministic(settings.deterministic())
                .dataSource(d.train().source())
                .initializer("convolutions " + act.preferredInitializer() + " (chosen for " + act.typeName()
                        + "), output layer GLOROT_UNIFORM; batch norm gamma 1, beta 0")
                .preprocessing(d.preprocessing() + "; augmentation: " + Augmentation.cifar().describe())
                .device(settings.device().name()).setting("threshold", settings.threshold())
                .setting("schedule", schedule(settings.epochs()).describe()).build();
    }

    @Override
    public RunRecord run(Cifar10Vgg11Experiment.CifarData d, RunContext context) {
        Sequential model = PaperModels.cifar10ResNet20(context.run().activation(), Shortcut.ZERO_PAD, d.classes());
        try (CompiledModel compiled = context.compile(model, context.config(OPTIMIZER)
                .withAugmentation(Augmentation.cifar()).withSchedule(schedule(context.settings().epochs())),
                d.modelInfo())) {
            long start = System.nanoTime();
            History history = compiled.fit(d.train(), context.fit(BATCH_SIZE, "test").validation(d.test())
                    .evalBatchSize(Cifar10Vgg11Experiment.INFERENCE_BATCH_SIZE).build());
            double wall = (System.nanoTime() - start) / 1e9;
            Evaluation test = compiled.evaluate(d.test(), Cifar10Vgg11Experiment.INFERENCE_BATCH_SIZE);
            InferenceTiming inference = compiled.timeInference(d.test(), Cifar10Vgg11Experiment.INFERENCE_BATCH_SIZE,
                    Cifar10Vgg11Experiment.SINGLE_SAMPLE_REPEATS);
            return context.record(history, null, test).section(DawnBenchMetrics.SECTION, Measurements.dawnbench(
                    "test", history.timeToAccuracy(context.settings().threshold()), history.trainSeconds(), wall,
                    inference, test.accuracy())).build();
        }
    }
}
