package org.activationlab.study.progress;

import java.net.URI;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activationlab.data.download.DownloadListener;

/**
 * A terminal progress bar per download attempt: bytes (in MiB), rate and ETA, on standard error.
 * Synchronised, since one resolver may download on several threads.
 */
public final class DownloadProgressBar implements DownloadListener {

    /**
     * A progress bar with bytes, rate and ETA on standard error if this process runs on a terminal
     * ({@link System#console()} is present), otherwise {@link DownloadListener#NONE}, so logs and pipes stay clean.
     */
    public static DownloadListener forTerminal() {
        return System.console() != null ? new DownloadProgressBar() : DownloadListener.NONE;
    }


    private static final long MIB = 1L << 20;

    private ProgressBar bar;

    @Override
    public synchronized void started(URI url, long offset, long total) {
        ended(url);
        String path = url.getPath();
        bar = new ProgressBarBuilder()
                .setTaskName(path.substring(path.lastIndexOf('/') + 1))
                .setInitialMax(total)
                .startsFrom(offset, Duration.ZERO)
                .setUnit(" MiB", MIB)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .build();
    }

    @Override
    public synchronized void transferred(URI url, long bytes) {
        if (bar != null) {
            bar.stepTo(bytes);
        }
    }

    @Override
    public synchronized void ended(URI url) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
