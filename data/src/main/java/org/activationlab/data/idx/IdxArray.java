package org.activationlab.data.idx;

import java.util.Arrays;

/**
 * The content of an unsigned-byte IDX file: its dimensions and its data in row-major order.
 *
 * @param dims the dimensions from the header, each positive
 * @param data {@code product(dims)} unsigned bytes (use {@code b & 0xFF})
 */
public record IdxArray(int[] dims, byte[] data) {

    /** Number of elements along the first dimension, e.g. the number of images. */
    public int count() {
        return dims[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray other && Arrays.equals(dims, other.dims) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray[dims=" + Arrays.toString(dims) + "]";
    }
}
