package org.activationlab.examples.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.examples.experiments.DyingReluExperiment;
import org.activationlab.examples.experiments.MnistCnnExperiment;
import org.activationlab.examples.experiments.MnistMlpExperiment;
import org.activationlab.examples.experiments.PlaygroundExperiment;
import org.activationlab.examples.experiments.VanishingGradientsExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a paper model's torchsummary-style table. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a paper model's layers, output shapes and parameter counts.")
public final class SummaryCommand implements Callable<Integer> {

    static final String CIFAR10_VGG11 = "cifar10-vgg11";
    static final String CIFAR10_RESNET20 = "cifar10-resnet20";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model of an experiment: mnist-mlp (also dying-relu's),"
            + " mnist-cnn, cifar10-vgg11, cifar10-resnet20 (He et al.'s, option-A shortcuts),"
            + " vanishing-gradients (10 x 64 hidden) or playground.")
    String model;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation, e.g. relu, leaky_relu:0.01, sigmoid, prelu:0.25 (default: ${DEFAULT-VALUE}).")
    String activation;

    @Override
    public Integer call() {
        Activation act = Activations.parse(activation);
        Sequential m = modelOf(model, act);
        var out = spec.commandLine().getOut();
        out.print(m.summary());
        if (act instanceof PRelu p) {
            long slopes = m.trainableParameters() - modelOf(model, Activations.relu()).trainableParameters();
            out.printf(Locale.ROOT, "PReLU slopes: %,d learnable (%s), included in the totals above%n", slopes,
                    p.perChannel() ? "one per channel of each PReLU" : "one shared slope per PReLU, as PyTorch's"
                            + " nn.PReLU()");
        }
        if (CIFAR10_VGG11.equals(model)) {
            out.println("The paper prints 9,231,144 total parameters, but its own rows add up to 9,231,114 (a typo).");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Sequential modelOf(String name, Activation act) {
        return switch (name) {
            case MnistMlpExperiment.NAME, DyingReluExperiment.NAME -> MnistMlpExperiment.model(act);
            case MnistCnnExperiment.NAME -> PaperModels.mnistCnn(act);
            case CIFAR10_VGG11 -> PaperModels.cifar10Vgg11(act);
            case CIFAR10_RESNET20 -> PaperModels.cifar10ResNet20(act);
            case VanishingGradientsExperiment.NAME -> VanishingGradientsExperiment.model(act,
                    VanishingGradientsExperiment.DEFAULT_DEPTH, VanishingGradientsExperiment.DEFAULT_WIDTH);
            case PlaygroundExperiment.NAME -> PlaygroundExperiment.model(act);
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; available: "
                    + String.join(", ", MnistMlpExperiment.NAME, MnistCnnExperiment.NAME, CIFAR10_VGG11,
                    VanishingGradientsExperiment.NAME, DyingReluExperiment.NAME, PlaygroundExperiment.NAME,
                    CIFAR10_RESNET20));
        };
    }
}
