package org.activationlab.dsl.models;

import static org.activationlab.dsl.Layers.activation;
import static org.activationlab.dsl.Layers.avgPool;
import static org.activationlab.dsl.Layers.batchNorm;
import static org.activationlab.dsl.Layers.conv2d;
import static org.activationlab.dsl.Layers.dense;
import static org.activationlab.dsl.Layers.dropout;
import static org.activationlab.dsl.Layers.flatten;
import static org.activationlab.dsl.Layers.globalAvgPool;
import static org.activationlab.dsl.Layers.input;
import static org.activationlab.dsl.Layers.maxPool;
import static org.activationlab.dsl.Layers.residual;
import static org.activationlab.dsl.Layers.spatialDropout;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.dsl.Sequential;
import org.activationlab.dsl.activations.Activation;
import org.activationlab.dsl.blocks.Residual;
import org.activationlab.dsl.blocks.Shortcut;
import org.activationlab.dsl.layers.Layer;

/**
 * The convolutional networks of the reference papers (the CNN paper's, He et al.'s CIFAR ResNet), with the
 * activation under study as a parameter.
 */
public final class PaperModels {

    /** VGG-11 (configuration A): output channels of each 3x3 convolution, 0 marking a 2x2 max pooling. */
    private static final int[] VGG11 = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};

    private PaperModels() {
    }

    /**
     * PyTorch's classic MNIST example network on 28x28x1 inputs: two 5x5 convolutions (10 and 20 filters), each
     * followed by 2x2 max pooling and {@code act} (the second with channel dropout 0.5 before pooling), then a
     * 50-unit dense layer with {@code act}, dropout 0.5 and a 10-way softmax. 21,840 parameters, plus one per
     * occurrence of {@code act} if it is a shared PReLU (3).
     */
    public static Sequential mnistCnn(Activation act) {
        return Sequential.of(input(28, 28, 1),
                conv2d(10, 5), maxPool(2), activation(act),
                conv2d(20, 5), spatialDropout(0.5), maxPool(2), activation(act),
                flatten(), dense(50).activation(act), dropout(0.5),
                dense(10).softmax());
    }

    /**
     * VGG-11 with batch normalisation for 32x32x3 CIFAR-10 images: eight 3x3 convolutions with padding 1, each
     * followed by batch normalisation and {@code act}, five 2x2 max poolings down to 1x1x512, a 1x1 average
     * pooling (the identity, kept so the layers match the paper's table), then a single dense layer to a 10-way
     * softmax with no hidden classifier layer. 9,231,114 parameters, as the paper's rows add up to; its printed
     * total of 9,231,144 is a typo.
     */
    public static Sequential cifar10Vgg11(Activation act) {
        return cifar10Vgg11(act, 10);
    }

    /** {@link #cifar10Vgg11(Activation)} with a {@code classes}-way softmax, for other 32x32 image folders. */
    public static Sequential cifar10Vgg11(Activation act, int classes) {
        List<Layer> layers = new ArrayList<>();
        layers.add(input(32, 32, 3));
        for (int channels : VGG11) {
            if (channels == 0) {
                layers.add(maxPool(2));
            } else {
                layers.add(conv2d(channels, 3).padding(1));
                layers.add(batchNorm().activation(act));
            }
        }
        layers.add(avgPool(1));
        layers.add(flatten());
        layers.add(dense(classes).softmax());
        return Sequential.of(layers.toArray(Layer[]::new));
    }

    /**
     * He et al. 2016's ResNet-20 for 32x32x3 CIFAR-10 images (section 4.2): a 3x3 convolution to 16 channels with
     * batch norm and {@code act}, three stages of three basic blocks (two 3x3 convolutions with batch norm,
     * {@code act} after the first and after the sum) with 16, 32 and 64 filters, stride 2 at the start of stages 2
     * and 3 with option-A shortcuts (subsampling and zero channel padding, no parameters), global average pooling
     * and a 10-way softmax. Convolutions have no bias, as batch norm follows each. 269,722 parameters.
     */
    public static Sequential cifar10ResNet20(Activation act) {
        return cifar10ResNet20(act, Shortcut.ZERO_PAD);
    }

    /**
     * ResNet-20 with the given shortcut where a block changes the shape (identity elsewhere):
     * {@link Shortcut#PROJECTION} (option B) adds 2,752 parameters, 272,474 in all.
     */
    public static Sequential cifar10ResNet20(Activation act, Shortcut downsampling) {
        return cifar10ResNet20(act, downsampling, 10);
    }

    /** ResNet-20 with a {@code classes}-way softmax, for other 32x32 image folders. */
    public static Sequential cifar10ResNet20(Activation act, Shortcut downsampling, int classes) {
        List<Layer> layers = new ArrayList<>();
        layers.add(input(32, 32, 3));
        layers.add(conv2d(16, 3).padding(1).withBias(false));
        layers.add(batchNorm().activation(act));
        int channels = 16;
        for (int filters : new int[] {16, 32, 64}) {
            for (int block = 0; block < 3; block++) {
                int stride = filters != channels ? 2 : 1;
                layers.add(basicBlock(filters, stride, act, stride == 1 ? Shortcut.IDENTITY : downsampling));
                channels = filters;
            }
        }
        layers.add(globalAvgPool());
        layers.add(dense(classes).softmax());
        return Sequential.of(layers.toArray(Layer[]::new));
    }

    private static Residual basicBlock(int filters, int stride, Activation act, Shortcut shortcut) {
        return residual(conv2d(filters, 3).stride(stride).padding(1).withBias(false), batchNorm().activation(act),
                conv2d(filters, 3).padding(1).withBias(false), batchNorm()).shortcut(shortcut).activation(act);
    }
}
