package org.activationlab.examples.report;

import java.util.List;
import java.util.Optional;
import org.activationlab.dsl.activations.Activations;
import org.activationlab.study.records.ActivationInfo;

/**
 * The published numbers of the MLP paper by Bùi Khánh Huyền and Trần Thu Thủy (Military Technical Academy,
 * Hanoi): Table 1 (validation) and Table 2 (test) for ReLU, LeakyReLU with slope 0.01 and sigmoid, each from a
 * single run.
 */
public final class PaperTables {

    /** The paper's authors, as the report cites them. */
    public static final String AUTHORS = "Bùi Khánh Huyền and Trần Thu Thủy";
    /** The authors' institution. */
    public static final String AFFILIATION = "Military Technical Academy, Hanoi";
    /** Epochs the paper trains each model for. */
    public static final int EPOCHS = 100;

    private static final List<PaperResult> RESULTS = List.of(
            new PaperResult(Activations.relu(), 0.0915, 0.9761, 0.9739, 0.9755, 0.9723, 0.9738),
            new PaperResult(Activations.leakyRelu(), 0.0837, 0.9763, 0.9758, 0.9779, 0.9738, 0.9752),
            new PaperResult(Activations.sigmoid(), 0.2138, 0.9423, 0.9393, 0.9526, 0.9267, 0.9376));

    private PaperTables() {
    }

    /** Every row, in the paper's order: relu, leaky_relu, sigmoid. */
    public static List<PaperResult> results() {
        return RESULTS;
    }

    /** The row of the activation with this name ({@code relu}, {@code leaky_relu} or {@code sigmoid}). */
    public static Optional<PaperResult> forName(String name) {
        return RESULTS.stream().filter(r -> r.activation().name().equals(name)).findFirst();
    }

    /**
     * The row the given activation can be compared with: same name and same hyperparameters, so that e.g. a
     * LeakyReLU with slope 0.3 is not set against the paper's slope 0.01.
     */
    public static Optional<PaperResult> matching(ActivationInfo a) {
        return forName(a.name()).filter(r -> r.activation().spec().equals(a.spec()));
    }
}
