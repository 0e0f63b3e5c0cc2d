package org.priorkit.cli;

import org.priorkit.data.split.DataFraction;
import org.priorkit.tasks.ImageFeature;
import org.priorkit.tasks.TaskData;
import org.priorkit.tasks.classification.ClassificationConfig;
import org.priorkit.tasks.classification.ClassificationTask;
import org.priorkit.tasks.dense.EncoderMode;
import org.priorkit.tasks.detection.Detection;
import org.priorkit.tasks.detection.DetectionConfig;
import org.priorkit.tasks.retrieval.ImageTextRetrieval;
import org.priorkit.tasks.retrieval.RetrievalConfig;
import org.priorkit.tasks.segmentation.Segmentation;
import org.priorkit.tasks.segmentation.SegmentationConfig;
import org.priorkit.tasks.zeroshot.Prompts;
import org.priorkit.tasks.zeroshot.ZeroShot;
import org.priorkit.tasks.zeroshot.ZeroShotConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The five downstream tasks as commands, each on a saved checkpoint (or a random-init model). */
final class TaskCommands {

    private TaskCommands() {}

    /** Options every task shares. */
    static final class Common {
        @Option(names = "--data", defaultValue = "data/synthetic", description = "data root (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--checkpoint", description = {"a pretraining run folder or .ckpt file; omit for a random-init encoder. "
                + "Image tasks also take a published ResNet-50 (prior_resnet50.pt, torchvision .pth)"})
        Path checkpoint;

        @Option(names = "--preset", defaultValue = "tiny",
                description = "the random-init encoder's preset, tiny, notebook or paper (default: ${DEFAULT-VALUE}; a checkpoint has its own)")
        String preset;

        @Option(names = "--max-bad", defaultValue = "1%", description = {"real data: the share of unreadable records"
                + " (rows, reports, images) skipped and listed before the run stops, e.g. 0%%, 1%%, 0.05 (default:"
                + " ${DEFAULT-VALUE}); the synthetic set is always read strictly"})
        String maxBad;

        @Mixin DeviceOption device;

        /** The data root with the --max-bad share. */
        TaskData data() {
            return new TaskData(data, PretrainCommand.share("--max-bad", maxBad));
        }
    }

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = "Supervised classification: linear probe or fine-tuning on CheXpert (5 labels) or RSNA; AUROC.")
    static final class Classify implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--dataset", defaultValue = "chexpert", description = "chexpert or rsna (default: ${DEFAULT-VALUE})")
        String dataset;

        @Option(names = "--mode", defaultValue = "linear-probe", description = "linear-probe or fine-tune (default: ${DEFAULT-VALUE})")
        String mode;

        @Option(names = "--fraction", defaultValue = "100%", description = "share of training labels: 1%%, 10%% or 100%% (default: 100%%)")
        String fraction;

        @Option(names = "--seed", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--feature", defaultValue = "backbone", description = "what the head reads: backbone (the "
                + "ResNet's pooled last map, as the paper's peers) or projected (the global embedding aligned with "
                + "reports) (default: ${DEFAULT-VALUE})")
        String feature;

        @Override
        public Integer call() throws Exception {
            common.device.resolve();
            ClassificationConfig config = ClassificationConfig.defaults(
                    Choices.parse(ClassificationConfig.Dataset.class, "--dataset", dataset),
                    Choices.parse(ClassificationConfig.Mode.class, "--mode", mode))
                    .withFraction(DataFraction.parse(fraction)).withSeed(seed).withPreset(common.preset)
                    .withFeature(ImageFeature.parse(feature));
            printSummary(ClassificationTask.run(common.data(), common.checkpoint, config).summary());
            return 0;
        }
    }

    @Command(name = "zeroshot", mixinStandardHelpOptions = true,
            description = "Zero-shot classification of CheXpert 5x200 with PRIOR's global + 0.5 x local score.")
    static final class ZeroShotCmd implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--prompts", defaultValue = "prior", description = "prior (\"<class> is observed\") or gloria (default: ${DEFAULT-VALUE})")
        String prompts;

        @Override
        public Integer call() throws Exception {
            common.device.resolve();
            ZeroShotConfig config = ZeroShotConfig.defaults().withPreset(common.preset).withPrompts(
                    prompts.equals("gloria") ? Prompts.gloriaStyle() : Prompts.prior());
            printSummary(ZeroShot.run(common.data(), common.checkpoint, config).summary());
            return 0;
        }
    }

    @Command(name = "retrieve", mixinStandardHelpOptions = true,
            description = "Image-to-text retrieval: Precision@1/5/10 of 5x200 images against single-label MIMIC reports.")
    static final class Retrieve implements Callable<Integer> {
        @Mixin Common common;

        @Override
        public Integer call() throws Exception {
            common.device.resolve();
            printSummary(ImageTextRetrieval.run(common.data(), common.checkpoint,
                    RetrievalConfig.defaults().withPreset(common.preset)).summary());
            return 0;
        }
    }

    @Command(name = "segment", mixinStandardHelpOptions = true,
            description = "Semantic segmentation (SIIM pneumothorax or RSNA boxes) with a U-Net decoder; Dice.")
    static final class Segment implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--dataset", defaultValue = "siim", description = "siim or rsna (default: ${DEFAULT-VALUE})")
        String dataset;

        @Option(names = "--mode", defaultValue = "frozen", description = "frozen or fine-tune (default: ${DEFAULT-VALUE})")
        String mode;

        @Option(names = "--fraction", defaultValue = "100%", description = "share of training labels (default: 100%%)")
        String fraction;

        @Option(names = "--steps", defaultValue = "120", description = "training steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--seed", defaultValue = "42", description = "split, label fraction, initialisation and batch"
                + " order; run-all's ladder uses 1 (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() throws Exception {
            common.device.resolve();
            SegmentationConfig config = SegmentationConfig.defaults().withPreset(common.preset)
                    .withDataset(SegmentationConfig.Dataset.parse(dataset))
                    .withMode(EncoderMode.parse(mode)).withFraction(DataFraction.parse(fraction)).withSteps(steps, 16)
                    .withSeed(seed);
            printSummary(Segmentation.run(common.data(), common.checkpoint, config).summary());
            return 0;
        }
    }

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = "Object detection of RSNA pneumonia with a CenterNet-style head; RSNA mAP and mAP@0.5.")
    static final class Detect implements Callable<Integer> {
        @Mixin Common common;

        @Option(names = "--mode", defaultValue = "frozen", description = "frozen or fine-tune (default: ${DEFAULT-VALUE})")
        String mode;

        @Option(names = "--fraction", defaultValue = "100%", description = "share of training labels (default: 100%%)")
        String fraction;

        @Option(names = "--steps", defaultValue = "120", description = "training steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--seed", defaultValue = "42", description = "split, label fraction, initialisation and batch"
                + " order; run-all's ladder uses 1 (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--flip", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "mirror training images left-right at random (default: on; --no-flip turns it off)")
        boolean flip;

        @Override
        public Integer call() throws Exception {
            common.device.resolve();
            DetectionConfig config = DetectionConfig.defaults().withPreset(common.preset).withMode(EncoderMode.parse(mode))
                    .withFraction(DataFraction.parse(fraction)).withSteps(steps, 16).withSeed(seed).withFlip(flip);
            printSummary(Detection.run(common.data(), common.checkpoint, config).summary());
            return 0;
        }
    }

    /** A task's summary, ending its line (some summaries end with a table's newline, others do not). */
    static void printSummary(String summary) {
        System.out.print(summary.endsWith("\n") ? summary : summary + System.lineSeparator());
    }
}
