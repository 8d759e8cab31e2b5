package org.activationlab.dsl.blocks;

import java.util.List;
import java.util.Optional;
import org.activationlab.dsl.Layers;
import org.activationlab.dsl.Shape;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.layers.Activatable;

/**
 * A residual block {@code act(branch(x) + shortcut(x))} (He et al. 2016). An identity shortcut needs the branch
 * to keep the shape; {@link Shortcut#ZERO_PAD} and {@link Shortcut#PROJECTION} follow the branch to an image of
 * size {@code ceil(size / stride)} with at least as many channels (zero padding) or any number (projection).
 *
 * @param branch the residual function
 * @param shortcut how the input reaches the sum
 * @param fusedActivation applied after the sum, or {@code null}
 */
public record Residual(Branch branch, Shortcut shortcut, Activation fusedActivation)
        implements Block, Activatable<Residual> {

    public Residual {
        if (branch == null || shortcut == null) {
            throw new IllegalArgumentException("Residual needs a branch and a shortcut, got " + branch + " and "
                    + shortcut);
        }
    }

    /** The same block with another shortcut. */
    public Residual shortcut(Shortcut shortcut) {
        return new Residual(branch, shortcut, fusedActivation);
    }

    @Override
    public Residual activation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("Residual activation must not be null");
        }
        return new Residual(branch, shortcut, activation);
    }

    @Override
    public Optional<Activation> activation() {
        return Optional.ofNullable(fusedActivation);
    }

    @Override
    public String typeName() {
        return "Residual";
    }

    @Override
    public String describe() {
        return "Residual(shortcut=" + shortcut + ", branch=" + branch.describe() + ")";
    }

    @Override
    public Shape outputShape(Shape input) {
        Shape out = branch.outputShape(input);
        if (shortcut == Shortcut.IDENTITY) {
            if (!out.equals(input)) {
                throw new IllegalArgumentException("the branch maps " + input.withBatch() + " to " + out.withBatch()
                        + " but an identity shortcut keeps " + input.withBatch() + "; use Shortcut.ZERO_PAD (He et "
                        + "al.'s option A) or Shortcut.PROJECTION, or keep the shape in the branch");
            }
            return out;
        }
        stride(input, out);
        if (shortcut == Shortcut.ZERO_PAD && out.last() < input.last()) {
            throw new IllegalArgumentException("a zero-padding shortcut can only add channels, but the branch maps "
                    + input.withBatch() + " to " + out.withBatch() + "; use Shortcut.PROJECTION");
        }
        return out;
    }

    /**
     * The stride {@code s} with {@code ceil(in / s) = out} in both height and width, by which the shortcut
     * subsamples.
     *
     * @throws IllegalArgumentException if the branch's output is not a subsampled image of the input
     */
    public int stride(Shape input, Shape out) {
        if (input.rank() != 3 || out.rank() != 3) {
            throw new IllegalArgumentException("a " + shortcut + " shortcut needs images [-1, height, width, "
                    + "channels] in and out, but the branch maps " + input.withBatch() + " to " + out.withBatch());
        }
        for (int s = 1; s <= input.dim(0); s++) {
            if (ceilDiv(input.dim(0), s) == out.dim(0) && ceilDiv(input.dim(1), s) == out.dim(1)) {
                return s;
            }
        }
        throw new IllegalArgumentException("the branch maps " + input.withBatch() + " to " + out.withBatch()
                + ", which no stride of a " + shortcut + " shortcut gives (height and width must both be "
                + "ceil(size / stride)); check the branch's strides and padding");
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The residual branch, and for a projection shortcut its 1x1 convolution and batch norm. */
    @Override
    public List<Branch> branches(Shape input) {
        if (shortcut != Shortcut.PROJECTION) {
            return List.of(branch);
        }
        return List.of(branch, projection(input));
    }

    /** The projection shortcut's layers for the given input: 1x1 convolution at the stride, no bias, batch norm. */
    public Branch projection(Shape input) {
        Shape out = branch.outputShape(input);
        return Branch.of(Layers.conv2d(out.last(), 1).stride(stride(input, out)).withBias(false), Layers.batchNorm());
    }
}
