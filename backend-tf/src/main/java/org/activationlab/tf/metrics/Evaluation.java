package org.activationlab.tf.metrics;

/**
 * The result of evaluating a classifier on a dataset.
 *
 * @param examples number of examples evaluated
 * @param loss mean cross-entropy
 * @param confusion the confusion matrix, from which accuracy and the macro metrics derive
 * @param seconds wall time of the evaluation
 */
public record Evaluation(long examples, double loss, ConfusionMatrix confusion, double seconds) {

    public double accuracy() {
        return confusion.accuracy();
    }

    public double errorRate() {
        return 1.0 - confusion.accuracy();
    }

    public double macroPrecision() {
        return confusion.macroPrecision();
    }

    public double macroRecall() {
        return confusion.macroRecall();
    }

    public double macroF1() {
        return confusion.macroF1();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "loss %.4f, accuracy %.4f, macro precision %.4f, macro recall %.4f, macro F1 %.4f (%d examples)",
                loss, accuracy(), macroPrecision(), macroRecall(), macroF1(), examples);
    }
}
