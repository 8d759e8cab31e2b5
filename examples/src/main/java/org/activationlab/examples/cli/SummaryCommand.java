package org.activationlab.examples.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.dsl.activations.PRelu;
import org.activationlab.study.Experiment;
import org.activationlab.study.Experiments;
import org.activationlab.study.SettingsRequest;
import org.activationlab.study.StudySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints an experiment's model as a torchsummary-style table. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print the model of a registered experiment (with its default settings): layers, output shapes"
                + " and parameter counts.")
public final class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "A registered experiment, e.g. mnist-cnn (`activation-lab"
            + " list` shows them all).")
    String model;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation, e.g. relu, leaky_relu:0.01, sigmoid, prelu:0.25 (default: ${DEFAULT-VALUE}).")
    String activation;

    @Override
    public Integer call() {
        Activation act = Activations.parse(activation);
        Experiment<?> e = Experiments.registered().get(model);
        Sequential m = modelOf(e, act);
        var out = spec.commandLine().getOut();
        out.print(m.summary());
        if (act instanceof PRelu p) {
            long slopes = m.trainableParameters() - modelOf(e, Activations.relu()).trainableParameters();
            out.printf(Locale.ROOT, "PReLU slopes: %,d learnable (%s), included in the totals above%n", slopes,
                    p.perChannel() ? "one per channel of each PReLU" : "one shared slope per PReLU, as PyTorch's"
                            + " nn.PReLU()");
        }
        String note = e.modelNote();
        if (!note.isEmpty()) {
            out.println(note);
        }
        out.flush();
        return 0;
    }

    private static Sequential modelOf(Experiment<?> e, Activation act) {
        StudySettings settings = e.configure(SettingsRequest.defaults());
        return e.model(act, e.variants(settings).get(0), settings);
    }
}
