package org.activationlab.examples.cli;

import java.util.concurrent.Callable;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activations;
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

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model: mnist-mlp.")
    String model;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation, e.g. relu, leaky_relu:0.01, sigmoid, prelu:0.25 (default: ${DEFAULT-VALUE}).")
    String activation;

    @Override
    public Integer call() {
        Sequential m = switch (model) {
            case MnistMlpExperiment.NAME -> MnistMlpExperiment.model(Activations.parse(activation));
            default -> throw new IllegalArgumentException("unknown model '" + model + "'; available: "
                    + MnistMlpExperiment.NAME);
        };
        spec.commandLine().getOut().print(m.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
