package org.activationlab.examples.persistence;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads PNG or JPEG images as raw pixel values (0-255, HWC) for a model of a given input shape. */
public final class ImageInputs {

    private ImageInputs() {
    }

    /**
     * The pixels of {@code file}, row-major with channels last.
     *
     * @param height the model's input height
     * @param width the model's input width
     * @param channels the model's channels: 1 for greyscale, 3 for RGB
     * @throws IllegalArgumentException one line naming the file: not an image, wrong size or channel count
     * @throws IOException if it cannot be read
     */
    public static float[] read(Path file, int height, int width, int channels) throws IOException {
        BufferedImage image;
        try (var in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist");
        }
        if (image == null) {
            throw new IllegalArgumentException(file + " is not a PNG or JPEG image ImageIO can read");
        }
        if (image.getHeight() != height || image.getWidth() != width) {
            throw new IllegalArgumentException(file + " is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels but the model takes " + width + "x" + height + "; resize the image");
        }
        int own = image.getColorModel().getNumColorComponents();
        if (own != channels) {
            throw new IllegalArgumentException(file + " has " + own + " colour channel(s) ("
                    + (own == 1 ? "greyscale" : "colour") + ") but the model takes " + channels + " ("
                    + (channels == 1 ? "greyscale" : "RGB") + "); convert the image");
        }
        float[] out = new float[height * width * channels];
        if (channels == 1) {
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // 16-bit greyscale PNGs scaled to the 8-bit range the preprocessing expects
                    out[y * width + x] = raster.getSample(x, y, 0) * 255f / max;
                }
            }
        } else {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    int base = (y * width + x) * 3;
                    out[base] = (rgb >> 16) & 0xff;
                    out[base + 1] = (rgb >> 8) & 0xff;
                    out[base + 2] = rgb & 0xff;
                }
            }
        }
        return out;
    }
}
