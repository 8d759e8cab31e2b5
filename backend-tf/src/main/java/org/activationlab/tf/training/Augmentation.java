package org.activationlab.tf.training;

/**
 * Random image augmentation applied inside the training graph to each training batch (never to evaluation or
 * prediction), as torchvision's {@code RandomCrop(32, padding=4)} and {@code RandomHorizontalFlip()} do for
 * CIFAR: the image is zero-padded by {@code padding} pixels on every side, a window of the original size is cut
 * at a uniformly random offset, and with {@code horizontalFlip} the window is mirrored left-right with
 * probability 1/2. Draws come from TensorFlow's stateless generator seeded by the run seed and the step, so a run
 * is repeatable. The padding is zero in the model's input space: after per-channel normalisation that is the mean
 * colour, where torchvision (padding before normalising) pads black.
 *
 * @param padding pixels added on each side before cropping, >= 0 (0 turns cropping off)
 * @param horizontalFlip whether to mirror half of the images
 */
public record Augmentation(int padding, boolean horizontalFlip) {

    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("augmentation padding must be >= 0 pixels, got " + padding);
        }
    }

    /** The standard CIFAR augmentation: 4-pixel padding with random crops, and random horizontal flips. */
    public static Augmentation cifar() {
        return new Augmentation(4, true);
    }

    /** Whether this changes anything. */
    public boolean active() {
        return padding > 0 || horizontalFlip;
    }

    /** E.g. {@code random crop (padding 4) + horizontal flip}. */
    public String describe() {
        if (!active()) {
            return "none";
        }
        String crop = padding > 0 ? "random crop (zero padding " + padding + ")" : "";
        String flip = horizontalFlip ? "random horizontal flip (p=0.5)" : "";
        return crop.isEmpty() ? flip : flip.isEmpty() ? crop : crop + " + " + flip;
    }
}
