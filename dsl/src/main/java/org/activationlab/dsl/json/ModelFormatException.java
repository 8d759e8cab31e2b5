package org.activationlab.dsl.json;

/**
 * A model description file that cannot be read: names the file or field, what is wrong and how to fix it, in one
 * line.
 */
public class ModelFormatException extends IllegalArgumentException {

    public ModelFormatException(String message) {
        super(message);
    }
}
