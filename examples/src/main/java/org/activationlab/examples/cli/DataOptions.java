package org.activationlab.examples.cli;

import java.nio.file.Path;
import org.activationlab.data.download.DatasetResolver;
import org.activationlab.study.progress.DownloadProgressBar;
import picocli.CommandLine.Option;

/** Where datasets come from: shared by every command that loads data. */
public final class DataOptions {

    @Option(names = "--data-mirror", paramLabel = "URL",
            description = "Base URL or path with one folder per dataset (e.g. ../shared/data or file:/data/mirror)."
                    + " Default: $ACTIVATIONLAB_MIRROR, else the canonical download locations.")
    String mirror;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where verified downloads are kept. Default: $ACTIVATIONLAB_CACHE, else"
                    + " ~/.cache/activation-lab.")
    Path cacheDir;

    /** The resolver these options describe. */
    public DatasetResolver resolver() {
        return DatasetResolver.create(cacheDir, mirror).withListener(DownloadProgressBar.forTerminal());
    }
}
