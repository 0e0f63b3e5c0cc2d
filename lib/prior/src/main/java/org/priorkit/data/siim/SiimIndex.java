package org.priorkit.data.siim;

import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.csv.CsvTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads SIIM-ACR's train-rle.csv (header "ImageId, EncodedPixels", the second name with a leading
 * space, which the CSV reader trims) and finds each image under dicom-images-train/ by file name.
 */
public final class SiimIndex {

    public static final String CSV = "train-rle.csv";
    public static final String IMAGES = "dicom-images-train";
    /** Column names as written, the second with its space, for error messages. */
    public static final String IMAGE_ID = "ImageId";
    public static final String ENCODED_PIXELS = "EncodedPixels";

    /**
     * @param imageExtension "dcm" for the real set; tests use "png"
     * @param maskHeight if positive (with maskWidth), runs are bounds-checked now; otherwise when decoded
     * @param maskWidth see maskHeight (real SIIM: 1024 x 1024)
     * @param checkImages an id without an image file is a bad record
     * @param skipBadRecords skip bad rows with a count instead of failing
     */
    public record Options(String imageExtension, int maskHeight, int maskWidth, boolean checkImages,
                          boolean skipBadRecords) {

        public static Options defaults() {
            return new Options("dcm", 0, 0, true, false);
        }

        public Options skipping(boolean skip) {
            return new Options(imageExtension, maskHeight, maskWidth, checkImages, skip);
        }
    }

    private SiimIndex() {}

    /** Reads {@code dir}/train-rle.csv and locates images in {@code dir}/dicom-images-train. */
    public static LoadedRecords<SiimRecord> load(Path dir, Options options) {
        Path csv = dir.resolve(CSV);
        BadRecords bad = BadRecords.of(options.skipBadRecords());
        Map<String, List<String>> rowsOf = new LinkedHashMap<>();
        long rows = CsvTable.forEach(csv, List.of(IMAGE_ID, ENCODED_PIXELS), bad, row -> {
            String id = row.required(IMAGE_ID);
            String rle = row.required(ENCODED_PIXELS);
            try {
                Rle.parse(rle);
                if (options.maskHeight() > 0) {
                    Rle.decode(rle, options.maskHeight(), options.maskWidth());
                }
            } catch (IllegalArgumentException e) {
                throw row.error(" " + ENCODED_PIXELS, e.getMessage());
            }
            rowsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(rle);
        });
        Map<String, Path> files = options.checkImages()
                ? imageFiles(dir.resolve(IMAGES), options.imageExtension()) : Map.of();
        List<SiimRecord> out = new ArrayList<>();
        for (var e : rowsOf.entrySet()) {
            Path image = files.get(e.getKey());
            if (image == null && options.checkImages()) {
                bad.handle(new DataFormatException(csv, "ImageId " + e.getKey(), "no file " + e.getKey() + "."
                        + options.imageExtension() + " under " + dir.resolve(IMAGES)));
                continue;
            }
            out.add(new SiimRecord(e.getKey(), image == null
                    ? dir.resolve(IMAGES).resolve(e.getKey() + "." + options.imageExtension()) : image,
                    e.getValue(), csv));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("mask rows", rows);
        counts.put("images in CSV", (long) rowsOf.size());
        counts.put("image files on disk", (long) files.size());
        counts.put("images with pneumothorax", out.stream().filter(SiimRecord::positive).count());
        return new LoadedRecords<>(out, counts, bad);
    }

    /**
     * ImageId -> file, for every {@code *.ext} below {@code root} (study/series/ImageId.dcm). Symbolic links
     * are followed (a data set is often linked in from another disk).
     */
    static Map<String, Path> imageFiles(Path root, String ext) {
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root, null, "image folder not found");
        }
        String suffix = "." + ext;
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .forEach(p -> {
                        String name = p.getFileName().toString();
                        out.put(name.substring(0, name.length() - suffix.length()), p);
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new DataFormatException(root, null, "cannot list images: " + e.getMessage(), e);
        }
        return out;
    }
}
