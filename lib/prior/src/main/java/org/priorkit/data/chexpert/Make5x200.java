package org.priorkit.data.chexpert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds chexpert_5x200.json from CheXpert's train.csv by peers' rule (see {@link Chexpert5x200}).
 * Usage: {@code Make5x200 CHEXPERT_DIR [--per-class 200] [--seed 42]}, where CHEXPERT_DIR holds
 * CheXpert-v1.0-small/; writes CHEXPERT_DIR/chexpert_5x200.json and prints the count per class.
 */
public final class Make5x200 {

    private Make5x200() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Make5x200 CHEXPERT_DIR [--per-class 200] [--seed 42]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int perClass = Chexpert5x200.PER_CLASS;
        long seed = 42;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--per-class" -> perClass = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path csv = dir.resolve("CheXpert-v1.0-small/train.csv");
        List<ChexpertRecord> records = ChexpertCsv.read(csv, ChexpertCsv.Options.defaults()).records();
        List<FiveBy200Entry> picked = Chexpert5x200.select(records, perClass, seed);
        Path out = dir.resolve("chexpert_5x200.json");
        Chexpert5x200.write(out, picked);
        for (String c : ChexpertClasses.COMPETITION) {
            long n = picked.stream().filter(e -> e.className().equals(c)).count();
            System.out.println(c + ": " + n + (n < perClass ? " (fewer candidates than " + perClass + ")" : ""));
        }
        System.out.println("wrote " + out + " (" + picked.size() + " images, seed " + seed + ")");
        if (!Files.exists(out)) {
            System.exit(1);
        }
    }
}
