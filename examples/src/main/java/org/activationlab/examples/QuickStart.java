package org.activationlab.examples;

import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.input;

import java.io.IOException;
import org.activationlab.data.TrainTest;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.data.mnist.Mnist;
import org.activationlab.dsl.Sequential;
import org.activationlab.tf.CompiledModel;
import org.activationlab.tf.ModelCompiler;
import org.activationlab.tf.TrainingConfig;
import org.activationlab.study.progress.ProgressBarListener;
import org.activationlab.tf.metrics.Evaluation;
import org.activationlab.tf.optimizers.Sgd;
import org.activationlab.tf.training.FitOptions;

/** The first program to copy: define the MLP paper's model, train it on MNIST for a few epochs, evaluate it. */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;

        Sequential model = Sequential.of(
                input(28, 28, 1),
                flatten(),
                dense(128).leakyRelu(0.01),
                dense(64).leakyRelu(0.01),
                dense(10).softmax());
        System.out.print(model.summary());

        // datasets come from $ACTIVATIONLAB_MIRROR or the canonical downloads, cached and checksum-verified
        TrainTest mnist = Mnist.load(DatasetResolver.fromEnvironment());

        try (CompiledModel compiled = ModelCompiler.compile(model, TrainingConfig.of(Sgd.of(0.05), 42))) {
            compiled.fit(mnist.train(), FitOptions.builder(epochs, 64)
                    .validation(mnist.test())
                    .listeners(ProgressBarListener.shownIf(System.console() != null))
                    .callback((stats, control) -> System.out.printf("epoch %d: loss %.4f, valid accuracy %.4f%n",
                            stats.epoch(), stats.trainLoss(), stats.valAccuracy()))
                    .build());
            Evaluation test = compiled.evaluate(mnist.test());
            System.out.println("test: " + test);
        }
    }
}
