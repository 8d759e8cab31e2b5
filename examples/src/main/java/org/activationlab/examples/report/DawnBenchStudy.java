package org.activationlab.examples.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.study.records.ActivationInfo;

/**
 * One of the CNN paper's DAWNBench-style tables and what a report needs to set our runs beside it.
 *
 * @param experiment the experiment name our records carry, e.g. {@code mnist-cnn}
 * @param description what the paper's table reproduces, e.g. {@code the MNIST experiment (Table 3)}
 * @param table the table's name, e.g. {@code Table 3}
 * @param paperEpochs epochs per activation in the paper
 * @param paperThreshold the paper's accuracy threshold, e.g. 0.98
 * @param testImages size of the test set the paper's and our accuracies are measured on
 * @param rows the paper's rows, in its order
 * @param model the paper's model with a given activation
 * @param modelNote what the paper's own summary table says about the parameter count
 */
public record DawnBenchStudy(String experiment, String description, String table, int paperEpochs,
        double paperThreshold, int testImages, List<DawnBenchPaperResult> rows,
        Function<Activation, Sequential> model, String modelNote) {

    public DawnBenchStudy {
        rows = List.copyOf(rows);
    }

    /** The row with the same activation and hyperparameters, if the paper has one. */
    public Optional<DawnBenchPaperResult> matching(ActivationInfo a) {
        return rows.stream().filter(r -> r.activation().spec().equals(a.spec())).findFirst();
    }

    /** The position of an activation spec among the paper's rows; others go last. */
    int rank(String spec) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).activation().spec().equals(spec)) {
                return i;
            }
        }
        return rows.size();
    }
}
