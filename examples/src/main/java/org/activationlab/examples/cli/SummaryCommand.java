package org.activationlab.examples.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.dsl.models.PaperModels;
import org.activationlab.examples.experiments.MnistCnnExperiment;
import org.activationlab.examples.experiments.MnistMlpExperiment;
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

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model: mnist-mlp, mnist-cnn or cifar10-vgg11.")
    String model;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation, e.g. relu, leaky_relu:0.01, sigmoid, prelu:0.25 (default: ${DEFAULT-VALUE}).")
    String activation;

    @Override
    public Integer call() {
        Activation act = Activations.parse(activation);
        Sequential m = switch (model) {
            case MnistMlpExperiment.NAME -> MnistMlpExperiment.model(act);
            case MnistCnnExperiment.NAME -> PaperModels.mnistCnn(act);
            case CIFAR10_VGG11 -> PaperModels.cifar10Vgg11(act);
            default -> throw new IllegalArgumentException("unknown model '" + model + "'; available: "
                    + MnistMlpExperiment.NAME + ", " + MnistCnnExperiment.NAME + ", " + CIFAR10_VGG11);
        };
        var out = spec.commandLine().getOut();
        out.print(m.summary());
        if (act instanceof PRelu p) {
            long slopes = m.trainableParameters() - switch (model) {
                case MnistMlpExperiment.NAME -> MnistMlpExperiment.model(Activations.relu()).trainableParameters();
                case MnistCnnExperiment.NAME -> PaperModels.mnistCnn(Activations.relu()).trainableParameters();
                default -> PaperModels.cifar10Vgg11(Activations.relu()).trainableParameters();
            };
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
}
