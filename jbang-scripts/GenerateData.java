///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.priorkit:prior:0.1.0-SNAPSHOT
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-simple:2.0.17
//JAVA_OPTIONS -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.log.ai.djl=warn

import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Writes the synthetic chest X-ray + report set in the real data sets' formats (MIMIC-CXR-JPG with
 * reports, CheXpert with its 5x200 JSON, RSNA boxes, SIIM RLE masks). Same seed, same bytes.
 * No deep learning engine is needed for this one.
 */
@Command(name = "GenerateData", mixinStandardHelpOptions = true,
        description = "Generate the synthetic set in the real formats.")
public class GenerateData implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "data/synthetic", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--size", defaultValue = "128", description = "image side in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--difficulty", defaultValue = "0.5", description = "0 easy .. 1 hard (default: ${DEFAULT-VALUE})")
    double difficulty;

    @Option(names = "--scale", defaultValue = "1.0", description = "multiply every image count (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--smoke", description = "a few dozen small images (for a quick check)")
    boolean smoke;

    public static void main(String... args) {
        System.exit(new CommandLine(new GenerateData()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SyntheticConfig config = smoke ? SyntheticConfig.tiny().withSeed(seed)
                : SyntheticConfig.defaults().withSeed(seed).withImageSize(size).withDifficulty(difficulty).scaled(scale);
        System.out.println(SyntheticGenerator.generate(config, out));
        return 0;
    }
}
