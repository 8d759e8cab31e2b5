package org.activationlab.data.idx;

import java.nio.file.Path;
import org.activationlab.data.DatasetException;

/**
 * A file is not a valid IDX file of the kind expected. The message always starts with
 * {@code "file <path> "} followed by what is wrong and what was expected.
 */
public class IdxFormatException extends DatasetException {

    private final Path file;

    /**
     * @param file the offending file
     * @param problem continues the sentence {@code "file <path> ..."}, e.g.
     *     {@code "is truncated: expected 784 data bytes after the header, found 10"}
     */
    public IdxFormatException(Path file, String problem) {
        super("file " + file + " " + problem);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
