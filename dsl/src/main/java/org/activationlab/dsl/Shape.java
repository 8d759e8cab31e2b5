package org.activationlab.dsl;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one sample, without the batch dimension. Images are NHWC: {@code [height, width, channels]}.
 */
public record Shape(int[] dims) {

    public Shape {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        dims = dims.clone();
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be > 0, got " + Arrays.toString(dims));
            }
        }
    }

    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    /** The last dimension: features of a flat input, channels of an NHWC image. */
    public int last() {
        return dims[dims.length - 1];
    }

    public long elements() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The torchsummary-style rendering with a leading batch dimension, e.g. {@code [-1, 128]}. */
    public String withBatch() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[-1, ", "]"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
