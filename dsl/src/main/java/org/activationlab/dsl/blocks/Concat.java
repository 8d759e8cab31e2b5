package org.activationlab.dsl.blocks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.activationlab.dsl.Shape;

/**
 * Parallel branches on the same input, their outputs concatenated along the last (channel) axis, as SqueezeNet's
 * Fire module and Inception modules do. Every branch must output the same shape but for the channels.
 *
 * @param branches at least two
 */
public record Concat(List<Branch> branches) implements Block {

    public Concat {
        if (branches == null || branches.size() < 2) {
            throw new IllegalArgumentException("Concat needs at least two branches, got "
                    + (branches == null ? 0 : branches.size()));
        }
        branches = List.copyOf(branches);
    }

    @Override
    public List<Branch> branches(Shape input) {
        return branches;
    }

    @Override
    public String typeName() {
        return "Concat";
    }

    @Override
    public String describe() {
        return "Concat(" + branches.stream().map(Branch::describe).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        List<Shape> outs = branches.stream().map(b -> b.outputShape(input)).toList();
        Shape first = outs.get(0);
        int channels = 0;
        for (Shape s : outs) {
            if (s.rank() != first.rank() || !Arrays.equals(Arrays.copyOf(s.dims(), s.rank() - 1),
                    Arrays.copyOf(first.dims(), first.rank() - 1))) {
                throw new IllegalArgumentException("the branches output " + outs.stream().map(Shape::withBatch)
                        .collect(Collectors.joining(", ")) + ", which differ in more than the last axis; make "
                        + "every branch keep the same height and width (e.g. padding) to concatenate them");
            }
            channels += s.last();
        }
        int[] dims = first.dims().clone();
        dims[dims.length - 1] = channels;
        return Shape.of(dims);
    }
}
