package org.activationlab.examples.report;

import java.util.function.ToDoubleFunction;
import org.activationlab.examples.records.RunRecord;

/**
 * A per-run metric whose differences between activations a report tests.
 *
 * @param name how the text names it, e.g. {@code test accuracy}
 * @param value the metric of one finished run; NaN where the run has none (left out)
 * @param higherIsBetter whether a larger value is an improvement
 * @param format how values are printed, e.g. {@code %.4f}
 */
record SignificanceMetric(String name, ToDoubleFunction<RunRecord> value, boolean higherIsBetter, String format) {
}
