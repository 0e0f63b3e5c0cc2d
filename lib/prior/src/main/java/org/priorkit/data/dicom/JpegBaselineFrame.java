package org.priorkit.data.dicom;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.awt.image.Raster;

/**
 * One frame of baseline JPEG (8-bit, Process 1) decoded by the JDK's ImageIO reader. The raster is read
 * directly ({@code readRaster}) so that no colour conversion touches the gray samples.
 */
final class JpegBaselineFrame {

    private JpegBaselineFrame() {}

    static double[] samples(byte[] jpeg, PixelFormat format, Path file, int frame) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new UnsupportedDicomException(file, "no ImageIO JPEG reader is available");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            if (raster.getWidth() != format.columns() || raster.getHeight() != format.rows()
                    || raster.getNumBands() != 1) {
                throw new DicomFormatException(file, "JPEG of frame " + frame + " is " + raster.getWidth()
                        + " x " + raster.getHeight() + " with " + raster.getNumBands() + " band(s), but the header says "
                        + format.columns() + " x " + format.rows() + " gray");
            }
            return raster.getSamples(raster.getMinX(), raster.getMinY(), format.columns(), format.rows(), 0,
                    (double[]) null);
        } catch (javax.imageio.IIOException e) {
            throw new DicomFormatException(file, "JPEG of frame " + frame + " cannot be decoded: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }
}
