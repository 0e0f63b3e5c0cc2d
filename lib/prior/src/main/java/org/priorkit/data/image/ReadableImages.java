package org.priorkit.data.image;


import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decodes every record's image once and keeps the records whose image reads, sending the others
 * to a {@link BadRecords} policy. Used by the datasets' builders when the user asks to skip bad
 * images: a corrupt JPEG is then found at build time, not in the middle of epoch 3.
 */
final class ReadableImages {

    private ReadableImages() {}

    /** The records whose image decodes, in input order (decoded in parallel). */
    public static <R> List<R> filter(List<R> records, Function<R, Path> imageOf, ImageLoader images,
                                     BadRecords bad) {
        return records.parallelStream().map(r -> {
            try {
                images.readRaw(imageOf.apply(r));
                return r;
            } catch (DataFormatException e) {
                bad.handle(e);
                return null;
            }
        }).filter(Objects::nonNull).toList();
    }
}
