package org.priorkit.data.image;

import java.nio.file.Path;

/**
 * Reads one image file into a {@link GrayImage} with values in [0, 1]. Implementations throw
 * {@link org.priorkit.data.DataFormatException} naming the file for a missing, truncated or
 * undecodable file. Registered per file extension in {@link ImageSources}.
 */
@FunctionalInterface
public interface PixelReader {

    GrayImage read(Path file);
}
