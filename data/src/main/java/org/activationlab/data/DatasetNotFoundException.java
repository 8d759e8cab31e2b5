package org.activationlab.data;

/**
 * A dataset file is neither in the cache nor available where it is fetched from (HTTP 404 or 410,
 * no such file under a {@code file:} mirror, or no mirror for a file only mirrors hold). The message
 * names the location and says where the file must be.
 */
public class DatasetNotFoundException extends DatasetException {

    /** @param message one line: what is missing where, and the fix */
    public DatasetNotFoundException(String message) {
        super(message);
    }

    /** @param message one line: what is missing where, and the fix */
    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
