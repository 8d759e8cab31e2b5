package org.activationlab.study.records;

/**
 * A run record file that cannot be used: malformed JSON, a newer schema, or a value out of range. The message is
 * one line naming the file, the field and the fix.
 */
public final class InvalidRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
