package org.priorkit.cli;

import org.priorkit.data.synth.GenerationSummary;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kit generate}: the synthetic chest X-ray + report set, in the real data sets' formats. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the synthetic set (MIMIC-CXR-JPG, CheXpert, 5x200, RSNA and SIIM formats).")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "data/synthetic", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "same seed, same bytes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "128", description = "image side in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--difficulty", defaultValue = "0.5", description = "0 (easy) to 1 (hard) (default: ${DEFAULT-VALUE})")
    double difficulty;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "multiply every image count (default: ${DEFAULT-VALUE}; about 12,500 images at 1.0)")
    double scale;

    @Option(names = "--tiny", description = "a few dozen 64 px images, for smoke tests")
    boolean tiny;

    @Override
    public Integer call() throws Exception {
        SyntheticConfig cfg = tiny ? SyntheticConfig.tiny().withSeed(seed)
                : SyntheticConfig.defaults().withSeed(seed).withImageSize(size).withDifficulty(difficulty);
        if (!tiny && scale != 1.0) {
            cfg = cfg.scaled(scale);
        }
        GenerationSummary summary = SyntheticGenerator.generate(cfg, out, System.err::println);
        System.out.println(summary);
        return 0;
    }
}
