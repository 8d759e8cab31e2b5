package org.activationlab.data.download;

import java.net.URI;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar per download attempt: bytes (in MiB), rate and ETA, on standard error.
 * Synchronised, since one resolver may download on several threads.
 */
final class TerminalProgress implements DownloadListener {

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
