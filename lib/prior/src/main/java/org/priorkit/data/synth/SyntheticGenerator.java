package org.priorkit.data.synth;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generates the whole synthetic set under one root, in the real data sets' formats:
 * <pre>
 * SyntheticGenerator.generate(SyntheticConfig.defaults().withSeed(7), Path.of("data/synthetic"));
 * </pre>
 * or from a shell: {@code java ... org.priorkit.data.synth.SyntheticGenerator --out data/synthetic --seed 7}.
 * See the package documentation for the layout.
 */
public final class SyntheticGenerator {

    /**
     * The generator's version, written next to every set: bumped whenever the same settings draw different
     * images or reports, so a set made by an older kit is made again instead of silently reused
     * (2: the pneumothorax's pleural gap widened to be visible at 64 px).
     */
    public static final int VERSION = 2;

    /** The file holding {@link #VERSION} under a set's root. */
    static final String VERSION_FILE = "synthetic-version.txt";

    /** The sub-trees and files this generator owns under its root (deleted before a new run). */
    static final List<String> OWNED = List.of(MimicWriter.JPG_ROOT.split("/")[0], MimicWriter.REPORT_ROOT,
            ChexpertWriter.ROOT, RsnaWriter.ROOT, SiimWriter.ROOT, Truth.FILE, VERSION_FILE);

    private SyntheticGenerator() {}

    /**
     * Writes the set described by {@code cfg} under {@code root}. A root that holds something else than a
     * previous synthetic set is refused rather than overwritten.
     */
    public static GenerationSummary generate(SyntheticConfig cfg, Path root) throws IOException {
        return generate(cfg, root, line -> { });
    }

    /** {@link #generate(SyntheticConfig, Path)}, telling {@code progress} as each data set is written. */
    public static GenerationSummary generate(SyntheticConfig cfg, Path root, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        prepare(root);
        MimicWriter.Result mimic = MimicWriter.write(cfg, root);
        progress.accept(String.format(Locale.ROOT, "  MIMIC-CXR-JPG and reports: %d studies, %d images (%.1f s)",
                mimic.studies(), mimic.images(), (System.nanoTime() - start) / 1e9));
        ChexpertWriter.Result chexpert = ChexpertWriter.write(cfg, root);
        progress.accept(String.format(Locale.ROOT, "  CheXpert: %d train, %d valid, 5x200: %d (%.1f s)",
                chexpert.train(), chexpert.valid(), chexpert.fiveBy200(), (System.nanoTime() - start) / 1e9));
        RsnaWriter.Result rsna = RsnaWriter.write(cfg, root);
        progress.accept(String.format(Locale.ROOT, "  RSNA: %d images (%.1f s)", rsna.images(),
                (System.nanoTime() - start) / 1e9));
        SiimWriter.Result siim = SiimWriter.write(cfg, root);
        progress.accept(String.format(Locale.ROOT, "  SIIM: %d images (%.1f s)", siim.images(),
                (System.nanoTime() - start) / 1e9));
        List<JsonObject> truth = new ArrayList<>(mimic.truth());
        truth.addAll(chexpert.truth());
        truth.addAll(rsna.truth());
        truth.addAll(siim.truth());
        StringBuilder lines = new StringBuilder();
        truth.forEach(t -> lines.append(t).append('\n'));
        Files.writeString(root.resolve(VERSION_FILE), VERSION + "\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve(Truth.FILE), lines, StandardCharsets.UTF_8); // last: marks the set complete
        double seconds = (System.nanoTime() - start) / 1e9;
        return new GenerationSummary(root, mimic.studies(), mimic.images(), mimic.reportsWithFourSentences(),
                chexpert.train(), chexpert.valid(), chexpert.fiveBy200(), rsna.images(), rsna.positives(),
                siim.images(), siim.positives(), sizeOf(root), seconds);
    }

    /**
     * Whether {@code root} holds a whole synthetic set: the truth file is written last, so a generation
     * that was killed leaves none.
     */
    public static boolean isComplete(Path root) {
        return Files.isRegularFile(root.resolve(Truth.FILE));
    }

    /** Whether {@code root} holds a whole synthetic set made by an older generator ({@link #VERSION}). */
    public static boolean isOutdated(Path root) throws IOException {
        if (!isComplete(root)) {
            return false;
        }
        Path file = root.resolve(VERSION_FILE);
        return !Files.isRegularFile(file) || !Files.readString(file).strip().equals(Integer.toString(VERSION));
    }

    /**
     * Whether the synthetic set at {@code root} must be (re)generated: none there yet, a killed generation,
     * or a set from an older generator. Real data (no synthetic truth file) is never touched.
     */
    public static boolean needsGenerating(Path root) throws IOException {
        return !Files.exists(root) || isPartial(root) || isOutdated(root);
    }

    /**
     * Whether {@code root} is what a killed generation leaves: only the generator's own folders, no
     * truth file. Such a root is generated over; any other incomplete folder (real data) is left alone.
     */
    public static boolean isPartial(Path root) throws IOException {
        if (!Files.isDirectory(root) || isComplete(root)) {
            return false;
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.allMatch(p -> OWNED.contains(p.getFileName().toString()));
        }
    }

    private static void prepare(Path root) throws IOException {
        Files.createDirectories(root);
        List<String> foreign;
        try (Stream<Path> s = Files.list(root)) {
            foreign = s.map(p -> p.getFileName().toString()).filter(n -> !OWNED.contains(n)).toList();
        }
        if (!foreign.isEmpty()) {
            throw new IOException(root + " holds " + foreign + ", which a synthetic set does not;"
                    + " refusing to write a synthetic set over it");
        }
        for (String owned : OWNED) {
            Path p = root.resolve(owned);
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
    }

    static long sizeOf(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * {@code --out DIR [--seed N] [--size PX] [--difficulty D] [--scale F] [--tiny]}: generates a set and
     * prints its summary.
     */
    public static void main(String[] args) throws IOException {
        SyntheticConfig cfg = SyntheticConfig.defaults();
        Path out = Path.of("data/synthetic");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> cfg = cfg.withSeed(Long.parseLong(args[++i]));
                case "--size" -> cfg = cfg.withImageSize(Integer.parseInt(args[++i]));
                case "--difficulty" -> cfg = cfg.withDifficulty(Double.parseDouble(args[++i]));
                case "--scale" -> cfg = cfg.scaled(Double.parseDouble(args[++i]));
                case "--tiny" -> cfg = SyntheticConfig.tiny().withSeed(cfg.seed());
                default -> throw new IllegalArgumentException("unknown option " + a
                        + "; use --out DIR --seed N --size PX --difficulty D --scale F --tiny");
            }
        }
        System.out.println(generate(cfg, out));
    }
}
