package org.activationlab.study.report;

import java.util.function.ToDoubleFunction;
import org.activationlab.study.records.RunRecord;

/**
 * A per-run metric whose differences between activations a report tests.
 *
 * @param name how the text names it, e.g. {@code test accuracy}
 * @param value the metric of one finished run; NaN where the run has none (left out)
 * @param higherIsBetter whether a larger value is an improvement
 * @param format how values are printed, e.g. {@code %.4f}
 */
public record SignificanceMetric(String name, ToDoubleFunction<RunRecord> value, boolean higherIsBetter, String format) {
}
