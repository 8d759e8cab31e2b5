package org.activationlab.data.download;

import java.net.URI;

/**
 * Follows the progress of HTTP downloads, e.g. to draw a progress bar. Called on the downloading
 * thread; implementations must be quick. {@link #NONE} ignores everything.
 */
public interface DownloadListener {

    /** A listener that does nothing, for silent downloads. */
    DownloadListener NONE = new DownloadListener() {
    };

    /**
     * An attempt to download {@code url} starts receiving its body.
     *
     * @param offset bytes already on disk from an earlier attempt that this one resumes after
     * @param total the size of the whole file, or -1 if the server did not say
     */
    default void started(URI url, long offset, long total) {
    }

    /** {@code bytes} of {@code url} are on disk so far, counting the resumed offset. */
    default void transferred(URI url, long bytes) {
    }

    /** The attempt started by the last {@link #started} ended, successfully or not. */
    default void ended(URI url) {
    }
}
