package org.activationlab.data;

import java.io.IOException;

/**
 * Data could not be loaded for a reason the user can fix: a missing, corrupt or foreign file, an
 * unreachable or stalling mirror, an unwritable cache, an archive over its caps. The message is one
 * line naming the input (file, folder or URL), what happened and the fix, so a command line can print
 * it as it is, without a stack trace.
 */
public class DatasetException extends IOException {

    /** @param message one line: the input, what happened, and the fix */
    public DatasetException(String message) {
        super(message);
    }

    /** @param message one line: the input, what happened, and the fix */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
