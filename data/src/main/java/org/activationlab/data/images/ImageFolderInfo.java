package org.activationlab.data.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a model for an image folder must fit, from {@link ImageFolder#inspect}: its classes and image size.
 *
 * @param root the folder holding {@code train/} and {@code test/}
 * @param classNames the classes in label order
 * @param height image height in pixels
 * @param width image width in pixels
 * @param channels values per pixel (3: RGB)
 * @param trainImages number of training images
 * @param testImages number of test images
 */
public record ImageFolderInfo(Path root, List<String> classNames, int height, int width, int channels,
                              int trainImages, int testImages) {

    /** Copies the class names and checks that every count is positive. */
    public ImageFolderInfo {
        Objects.requireNonNull(root, "root");
        classNames = List.copyOf(classNames);
        if (classNames.isEmpty() || height <= 0 || width <= 0 || channels <= 0 || trainImages <= 0 || testImages <= 0) {
            throw new IllegalArgumentException("image folder " + root + ": expected classes, a positive image size"
                    + " and images in both splits, got " + classNames.size() + " classes, " + width + "x" + height
                    + "x" + channels + ", " + trainImages + " training and " + testImages + " test images");
        }
    }

    /** Number of classes, the size of a classifier's output. */
    public int numClasses() {
        return classNames.size();
    }

    /** The shape of one sample, {@code {height, width, channels}}, a model's input shape. */
    public int[] sampleShape() {
        return new int[] {height, width, channels};
    }
}
