package org.activationlab.study.progress;

import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activationlab.tf.training.History;
import org.activationlab.tf.training.RunningMetrics;
import org.activationlab.tf.training.TrainingListener;

/**
 * A progress bar per epoch on standard error, with the running loss and accuracy and an ETA. The running metrics
 * are read from the graph at most every 250 ms, so the bar costs almost nothing per step.
 */
public final class ProgressBarListener implements TrainingListener {

    private static final long REFRESH_NANOS = 250_000_000L;

    private int epochs;
    private int steps;
    private ProgressBar bar;
    private long lastShown;

    /** A bar if {@code shown}, else nothing: for {@code FitOptions.Builder.listeners}. */
    public static List<TrainingListener> shownIf(boolean shown) {
        return shown ? List.of(new ProgressBarListener()) : List.of();
    }

    @Override
    public void onTrainBegin(int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.steps = stepsPerEpoch;
    }

    @Override
    public void onEpochBegin(int epoch) {
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setUnit(" steps", 1).build();
        lastShown = System.nanoTime();
    }

    @Override
    public void onStep(int epoch, int step, RunningMetrics running) {
        if (System.nanoTime() - lastShown <= REFRESH_NANOS && step < steps) {
            return;
        }
        lastShown = System.nanoTime();
        bar.stepTo(step);
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.4f", running.loss(), running.accuracy()));
        if (step == steps) {
            close();
        }
    }

    @Override
    public void onTrainEnd(History history) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
