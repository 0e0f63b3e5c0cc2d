package org.priorkit.cli;

import org.priorkit.config.PriorConfig;
import org.priorkit.data.split.DataFraction;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.StageTrainer;
import org.priorkit.pretrain.StartingWeights;
import org.priorkit.pretrain.TrainOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kit pretrain}: PRIOR's three stages on a MIMIC-CXR-style tree; resumes a killed run. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pretrain PRIOR (align -> prototype -> reconstruct) on a MIMIC-CXR-JPG-style tree.",
                "Run it again with the same --run-dir to resume after a crash or kill."})
final class PretrainCommand implements Callable<Integer> {

    private static final Path DEFAULT_DATA = Path.of("data/synthetic");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "data/synthetic",
            description = "data root (default: ${DEFAULT-VALUE}, generated there when missing)")
    Path data;

    @Option(names = "--run-dir", defaultValue = "runs/pretrain", description = "checkpoints and metrics (default: ${DEFAULT-VALUE})")
    Path runDir;

    @Option(names = "--preset", defaultValue = "tiny", description = "tiny, notebook (tiny with a 3-minute schedule) or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--epochs", description = "epochs of every stage (default: the preset's)")
    Integer epochs;

    @Option(names = "--max-steps", defaultValue = "0", description = "stop each stage after N steps (0 = no limit)")
    long maxSteps;

    @Option(names = "--max-bad", defaultValue = "1%", description = {"real data: the share of unreadable records"
            + " (reports, rows, images) skipped and listed before the run stops, e.g. 0%%, 1%%, 0.05 (default:"
            + " ${DEFAULT-VALUE}); the synthetic set is always read strictly"})
    String maxBad;

    @Option(names = "--max-pairs", defaultValue = "0", description = "use at most N training pairs (0 = all)")
    int maxPairs;

    @Option(names = "--seed", description = "run seed (default: the preset's)")
    Long seed;

    @Option(names = "--batch-size", paramLabel = "N", description = {"pairs per step over all devices (default: the "
            + "preset's; paper 588 = 98 per GPU x 6 GPUs)"})
    Integer batchSize;

    @Option(names = "--vocab", description = "a cased BERT vocab.txt; default: built from the reports")
    Path vocab;

    @Option(names = "--image-weights", paramLabel = "FILE", description = {"start the ResNet-50 from published weights "
            + "(--preset paper): torchvision's ImageNet .pth, PRIOR's prior_resnet50.pt or a Lightning .ckpt"})
    Path imageWeights;

    @Option(names = "--text-weights", paramLabel = "DIR", description = {"start the text encoder from a Hugging Face "
            + "BERT folder (e.g. Bio_ClinicalBERT): its sizes, vocab.txt and weights"})
    Path textWeights;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--threads", defaultValue = "2", description = "data loader threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Mixin DeviceOption device;

    /** "1%" or "0.01" as 0.01. */
    static double share(String option, String text) {
        try {
            return DataFraction.share(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + text + ": not a share like 1% or 0.01");
        }
    }

    @Override
    public Integer call() throws Exception {
        PriorConfig config = PriorConfig.preset(preset);
        if (seed != null) {
            config = config.withSeed(seed);
        }
        if (epochs != null) {
            config = PretrainJob.withEpochs(config, epochs);
        }
        if (batchSize != null) {
            if (batchSize < 2) {
                throw new IllegalArgumentException("--batch-size " + batchSize + ": the global InfoNCE needs at least 2 pairs");
            }
            config = config.withBatchSize(batchSize);
        }
        if (data.equals(DEFAULT_DATA) && SyntheticGenerator.needsGenerating(data)) {
            System.err.println((SyntheticGenerator.isOutdated(data) ? data + " is from an older version of the kit"
                    : "no data at " + data) + ": generating the default synthetic set there");
            System.err.println(SyntheticGenerator.generate(SyntheticConfig.defaults(), data, System.err::println));
        } else if (!Files.isDirectory(data)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data + " does not exist"
                    + " (only the default, " + DEFAULT_DATA + ", is generated when missing)");
        }
        TrainOptions defaults = TrainOptions.defaults(runDir);
        TrainOptions options = defaults.withCheckpointEvery(checkpointEvery).withMaxStepsPerStage(maxSteps)
                .withLoading(threads, defaults.prefetch());
        PretrainJob.Outcome out = new PretrainJob(data, runDir, config, vocab, maxPairs, share("--max-bad", maxBad),
                new StartingWeights(imageWeights, textWeights)).run(device.resolveAll(), options);
        System.out.println("pretrained on " + out.pairs() + " pairs; vocabulary " + out.vocab());
        for (StageTrainer.StageResult s : out.result().stages()) {
            System.out.printf("stage %-12s %5d steps %7.1f s %6.1f images/s -> %s%n",
                    s.name(), s.steps(), s.seconds(), s.imagesPerSecond(), s.checkpoint());
        }
        System.out.println("metrics: " + out.result().metrics());
        return 0;
    }
}
