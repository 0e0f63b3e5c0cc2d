package org.priorkit.data.verify;

import org.priorkit.data.DataFormatException;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.chexpert.Chexpert5x200;
import org.priorkit.data.chexpert.ChexpertCsv;
import org.priorkit.data.image.GrayImage;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.rsna.RsnaIndex;
import org.priorkit.data.siim.Rle;
import org.priorkit.data.siim.SiimIndex;
import org.priorkit.data.siim.SiimRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks a downloaded (or synthetic) data set with the kit's own loaders, so "verify" means "the
 * training code will read it". Usage:
 * <pre>
 *   java -cp ... org.priorkit.data.verify.Verify mimic|chexpert|chexpert-5x200|rsna|siim DIR [--decode N]
 * </pre>
 * DIR is the data root (e.g. data/synthetic) or the data set's own folder. Every loader runs in
 * skip mode so ALL problems are counted, not just the first; the first few are printed. Image files
 * are counted against the tables, and the first N images (default 10) are decoded (JPEG/PNG) or
 * checked for the DICOM "DICM" signature. Exit code 0 when nothing is wrong, 1 otherwise, 2 on
 * bad usage.
 */
public final class Verify {

    private Verify() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs a check and returns the exit code; output goes to {@code out}. */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 2) {
            out.println("usage: Verify mimic|chexpert|chexpert-5x200|rsna|siim DIR [--decode N]");
            return 2;
        }
        int decode = args.length >= 4 && args[2].equals("--decode") ? Integer.parseInt(args[3]) : 10;
        Path dir = Path.of(args[1]);
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            LoadedRecords<?> loaded = switch (args[0]) {
                case "mimic" -> mimic(dir, decode, notes, problems);
                case "chexpert" -> chexpert(dir, decode, notes, problems);
                case "chexpert-5x200" -> fiveBy200(dir, decode, notes, problems);
                case "rsna" -> rsna(dir, decode, notes, problems);
                case "siim" -> siim(dir, decode, notes, problems);
                default -> null;
            };
            if (loaded == null) {
                out.println("unknown data set '" + args[0] + "'");
                return 2;
            }
            notes.forEach(out::println);
            out.println(loaded.describe());
            if (loaded.records().isEmpty()) {
                problems.add("no usable records");
            }
            if (loaded.skips().skipped() > 0) {
                problems.add(loaded.skips().skipped() + " bad record(s), see above");
            }
        } catch (DataFormatException e) {
            problems.add(e.getMessage());
        }
        problems.forEach(p -> out.println("PROBLEM: " + p));
        out.println(problems.isEmpty() ? "OK " + args[0] + " " + dir : "FAILED " + args[0] + " " + dir);
        return problems.isEmpty() ? 0 : 1;
    }

    private static LoadedRecords<?> mimic(Path dir, int decode, List<String> notes, List<String> problems) {
        MimicLayout layout = MimicLayout.find(dir);
        for (Path p : List.of(layout.jpgRoot().resolve("files"), layout.reportsRoot().resolve("files"))) {
            if (!Files.isDirectory(p)) {
                problems.add("missing folder " + p);
            }
        }
        var loaded = MimicIndex.load(new MimicIndex.Options(layout, 4, true, true));
        long rows = loaded.counts().get("metadata rows");
        compare(notes, problems, "metadata rows", rows, ".jpg files", countFiles(layout.jpgRoot().resolve("files"), ".jpg"));
        decodeFirst(loaded.records(), r -> r.image(), decode, problems);
        return loaded;
    }

    private static LoadedRecords<?> chexpert(Path dir, int decode, List<String> notes, List<String> problems) {
        Path small = firstExisting(dir, "CheXpert-v1.0-small", "chexpert/CheXpert-v1.0-small");
        var options = new ChexpertCsv.Options(false, true, true);
        Path valid = small.resolve("valid.csv");
        if (Files.exists(valid)) {
            var v = ChexpertCsv.read(valid, options);
            notes.add("valid.csv: " + v.records().size() + " usable of " + v.counts().get("rows")
                    + " rows; " + v.skips().summary());
            if (v.skips().skipped() > 0) {
                problems.add("valid.csv has bad records");
            }
        } else {
            problems.add("missing " + valid);
        }
        var loaded = ChexpertCsv.read(small.resolve("train.csv"), options);
        compare(notes, problems, "train.csv rows", loaded.counts().get("rows"), ".jpg files under train/",
                countFiles(small.resolve("train"), ".jpg"));
        decodeFirst(loaded.records(), r -> r.image(), decode, problems);
        return loaded;
    }

    private static LoadedRecords<?> fiveBy200(Path dir, int decode, List<String> notes, List<String> problems) {
        Path json = Files.isRegularFile(dir) ? dir : firstExisting(dir, "chexpert_5x200.json",
                "chexpert/chexpert_5x200.json");
        var loaded = Chexpert5x200.read(json, json.toAbsolutePath().getParent().resolve("CheXpert-v1.0-small"),
                true, true);
        decodeFirst(loaded.records(), r -> r.image(), decode, problems);
        return loaded;
    }

    private static LoadedRecords<?> rsna(Path dir, int decode, List<String> notes, List<String> problems) {
        Path root = firstExisting(dir, RsnaIndex.LABELS, "rsna/" + RsnaIndex.LABELS).getParent();
        var loaded = RsnaIndex.load(root, RsnaIndex.Options.defaults().skipping(true));
        compare(notes, problems, "patients", loaded.counts().get("patients"), ".dcm files",
                countFiles(root.resolve(RsnaIndex.IMAGES), ".dcm"));
        decodeFirst(loaded.records(), r -> r.image(), decode, problems);
        return loaded;
    }

    private static LoadedRecords<?> siim(Path dir, int decode, List<String> notes, List<String> problems) {
        Path root = firstExisting(dir, SiimIndex.CSV, "siim/" + SiimIndex.CSV).getParent();
        var loaded = SiimIndex.load(root, SiimIndex.Options.defaults().skipping(true));
        compare(notes, problems, "images in CSV", loaded.counts().get("images in CSV"), ".dcm files",
                loaded.counts().get("image files on disk"));
        decodeFirst(loaded.records(), r -> r.image(), decode, problems);
        checkMaskRuns(loaded.records(), problems);
        return loaded;
    }

    /**
     * Every mask's runs must end inside its image, or training fails when it decodes that mask. SIIM's images
     * all have one size, so the first image's size is the yardstick (read once; the headers of 12,000 files
     * are not).
     */
    private static void checkMaskRuns(List<SiimRecord> records, List<String> problems) {
        if (records.isEmpty()) {
            return;
        }
        GrayImage first;
        try {
            first = imageSources().read(records.get(0).image());
        } catch (DataFormatException e) {
            return; // decodeFirst has reported it
        }
        long pixels = (long) first.height() * first.width();
        for (SiimRecord r : records) {
            for (String rle : r.encodedPixels()) {
                try {
                    long end = Rle.end(rle);
                    if (end > pixels) {
                        problems.add(r.csv() + ": ImageId " + r.imageId() + ": its mask runs to pixel " + end
                                + ", past the end of a " + first.height() + "x" + first.width() + " image");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(r.csv() + ": ImageId " + r.imageId() + ": " + e.getMessage());
                }
            }
        }
    }

    /** {@code dir/a} or {@code dir/b}, whichever exists (a when neither, so errors name it). */
    private static Path firstExisting(Path dir, String a, String b) {
        Path pa = dir.resolve(a);
        Path pb = dir.resolve(b);
        return Files.exists(pa) || !Files.exists(pb) ? pa : pb;
    }

    private static void compare(List<String> notes, List<String> problems, String what, long n, String files,
                                long m) {
        notes.add(what + ": " + n + ", " + files + ": " + m);
        if (n != m) {
            problems.add(what + " (" + n + ") and " + files + " on disk (" + m + ") differ");
        }
    }

    private static long countFiles(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException | UncheckedIOException e) {
            throw new DataFormatException(root, null, "cannot list files: " + e.getMessage(), e);
        }
    }

    /**
     * The readers Verify decodes images with. The single place to plug the kit's DICOM reader in,
     * e.g. {@code .with("dcm", file -> ...)}; until then .dcm files get a signature check only.
     */
    static ImageSources imageSources() {
        return ImageSources.defaults();
    }

    /** Decodes the first {@code n} images (DICOM without a registered reader: signature check). */
    private static <R> void decodeFirst(List<R> records, Function<R, Path> imageOf, int n, List<String> problems) {
        ImageSources sources = imageSources();
        for (R r : records.subList(0, Math.min(n, records.size()))) {
            Path f = imageOf.apply(r);
            try {
                if (sources.canRead(f)) {
                    sources.read(f);
                } else if (f.getFileName().toString().endsWith(".dcm")) {
                    checkDicomSignature(f);
                }
            } catch (DataFormatException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /** A DICOM Part-10 file has "DICM" after a 128-byte preamble. */
    static void checkDicomSignature(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(132);
            if (head.length < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
                throw new DataFormatException(f, null, "not a DICOM Part-10 file (no 'DICM' at byte 128)");
            }
        } catch (IOException e) {
            throw new DataFormatException(f, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
