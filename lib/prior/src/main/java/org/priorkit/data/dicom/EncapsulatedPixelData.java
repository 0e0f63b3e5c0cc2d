package org.priorkit.data.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Compressed pixel data: a basic offset table (possibly empty) and fragments, each an item of the
 * undefined-length pixel data element. One frame is one compressed stream (e.g. one JPEG file), which may
 * be split over several fragments.
 *
 * @param frameOffsets basic offset table: where each frame's first fragment item starts, counted from the
 *                     first fragment's item tag; empty when the writer left the table empty
 * @param fragments    the fragments in file order
 */
public record EncapsulatedPixelData(long[] frameOffsets, List<Fragment> fragments) {

    /**
     * One fragment.
     *
     * @param itemOffset  offset of the fragment's item tag, counted from the first fragment's item tag
     * @param valueOffset offset of the fragment's bytes in the file
     * @param length      number of bytes
     */
    public record Fragment(long itemOffset, int valueOffset, int length) {}

    public EncapsulatedPixelData {
        frameOffsets = frameOffsets.clone();
        fragments = List.copyOf(fragments);
    }

    /** The compressed stream of frame {@code index} of {@code frames}, copied out of {@code bytes}. */
    byte[] frame(byte[] bytes, int index, int frames, Path file) throws DicomFormatException {
        if (fragments.isEmpty()) {
            throw new DicomFormatException(file, "encapsulated pixel data holds no fragment");
        }
        if (frames == 1) {
            return concat(bytes, fragments); // a single frame may span all fragments
        }
        if (frameOffsets.length == frames) {
            long start = frameOffsets[index];
            long end = index + 1 < frames ? frameOffsets[index + 1] : Long.MAX_VALUE;
            List<Fragment> inFrame = fragments.stream()
                    .filter(f -> f.itemOffset() >= start && f.itemOffset() < end).toList();
            if (inFrame.isEmpty()) {
                throw new DicomFormatException(file, "basic offset table points frame " + index
                        + " at " + start + " where no fragment starts");
            }
            return concat(bytes, inFrame);
        }
        if (frameOffsets.length == 0 && fragments.size() == frames) {
            return concat(bytes, List.of(fragments.get(index))); // the common "one fragment per frame"
        }
        throw new DicomFormatException(file, "cannot tell where frame " + index + " starts: " + frames
                + " frames, " + fragments.size() + " fragments, offset table of " + frameOffsets.length);
    }

    private static byte[] concat(byte[] bytes, List<Fragment> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Fragment f : parts) {
            out.write(bytes, f.valueOffset(), f.length());
        }
        return out.toByteArray();
    }
}
