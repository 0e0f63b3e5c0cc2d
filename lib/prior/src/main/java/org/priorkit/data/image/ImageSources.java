package org.priorkit.data.image;

import org.priorkit.data.DataFormatException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a {@link PixelReader} by file extension. Immutable: {@link #with} returns a new registry.
 *
 * <p>The defaults read PNG and JPEG with {@link ImageIoReader} and DICOM (RSNA, SIIM) with the
 * kit's DICOM reader ({@link DicomPixelReader}). Another format plugs in with {@link #with}.
 */
public final class ImageSources {

    private final Map<String, PixelReader> byExtension;

    private ImageSources(Map<String, PixelReader> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    /** png, jpg and jpeg through ImageIO; dcm through the kit's DICOM reader. */
    public static ImageSources defaults() {
        PixelReader imageIo = new ImageIoReader();
        return new ImageSources(Map.of("png", imageIo, "jpg", imageIo, "jpeg", imageIo, "dcm", new DicomPixelReader()));
    }

    /** A copy that reads files ending in {@code .extension} with {@code reader}. */
    public ImageSources with(String extension, PixelReader reader) {
        Map<String, PixelReader> copy = new TreeMap<>(byExtension);
        copy.put(extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""), reader);
        return new ImageSources(copy);
    }

    /** True when some reader is registered for the file's extension. */
    public boolean canRead(Path file) {
        return byExtension.containsKey(extension(file));
    }

    /** Reads {@code file} with the reader for its extension. */
    public GrayImage read(Path file) {
        PixelReader reader = byExtension.get(extension(file));
        if (reader == null) {
            throw new DataFormatException(file, null, "no image reader for '." + extension(file)
                    + "' files (registered: " + new TreeMap<>(byExtension).keySet()
                    + "); plug one in with ImageSources.with(extension, reader)");
        }
        return reader.read(file);
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
