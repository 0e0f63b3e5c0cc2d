package org.priorkit.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes tiny images for tests. */
public final class TestImages {

    private TestImages() {}

    /** An 8-bit gray image whose pixel (r, c) is {@code (r * w + c) % 256}; format by extension. */
    public static Path gray(Path file, int h, int w) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                img.getRaster().setSample(c, r, 0, (r * w + c) % 256);
            }
        }
        String name = file.getFileName().toString();
        String format = name.endsWith(".png") ? "png" : "jpg";
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }
}
