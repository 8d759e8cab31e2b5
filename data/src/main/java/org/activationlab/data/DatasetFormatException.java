package org.activationlab.data;

import java.nio.file.Path;

/**
 * A file is not valid data of the kind expected, e.g. a truncated CIFAR-10 batch or an image of the
 * wrong size. The message always starts with {@code "file <path> "} followed by what is wrong and
 * what was expected.
 */
public class DatasetFormatException extends DatasetException {

    private final Path file;

    /**
     * @param file the offending file
     * @param problem continues the sentence {@code "file <path> ..."}, e.g.
     *     {@code "has label 12 in record 3; expected a value in [0, 10)"}
     */
    public DatasetFormatException(Path file, String problem) {
        super("file " + file + " " + problem);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
