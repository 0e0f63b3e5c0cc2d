package org.priorkit.data.image;

import org.priorkit.data.DataFormatException;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG and JPEG (anything {@link ImageIO} decodes) into a grayscale {@link GrayImage}.
 *
 * <p>Gray images are scaled by their bit depth (8-bit / 255, 16-bit / 65535). Colour images are
 * reduced to luma with the ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B); alpha is ignored.
 *
 * <p>ImageIO's JPEG decoder only WARNS about a truncated file ("Premature end of JPEG file") and
 * returns an image padded with gray; such a silently damaged image would poison training, so any
 * decoder warning is treated as an error here.
 */
final class ImageIoReader implements PixelReader {

    @Override
    public GrayImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, null, "image file not found");
        }
        BufferedImage image = decode(file);
        return toGray(image);
    }

    private static BufferedImage decode(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DataFormatException(file, null, "cannot open image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataFormatException(file, null,
                        "not a readable image (no PNG/JPEG signature; corrupt or wrong format)");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new DataFormatException(file, null, "damaged image ("
                            + reader.getFormatName() + "): " + String.join("; ", warnings));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            // Truncated PNGs end in an IIOException/EOFException; broken headers sometimes in
            // an IndexOutOfBounds or IllegalArgument deep inside the decoder.
            throw new DataFormatException(file, null, "corrupt or truncated image: " + e, e);
        }
    }

    /** Converts any decoded image to gray floats in [0, 1]. */
    static GrayImage toGray(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        float[] out = new float[h * w];
        if (bands == 1 || bands == 2) {
            // Gray, optionally with alpha: scale by the sample bit depth.
            float max = (float) ((1L << raster.getSampleModel().getSampleSize(0)) - 1);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    out[r * w + c] = raster.getSample(c, r, 0) / max;
                }
            }
        } else {
            // Colour: getRGB converts any colour model to 8-bit sRGB first.
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int rgb = image.getRGB(c, r);
                    float red = (rgb >> 16) & 0xff;
                    float green = (rgb >> 8) & 0xff;
                    float blue = rgb & 0xff;
                    out[r * w + c] = (0.299f * red + 0.587f * green + 0.114f * blue) / 255f;
                }
            }
        }
        return new GrayImage(h, w, out);
    }
}
