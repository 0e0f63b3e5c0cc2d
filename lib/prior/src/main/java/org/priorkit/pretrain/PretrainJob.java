package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.model.PriorModel;
import org.priorkit.text.tokenizer.ReportEncoder;
import org.priorkit.text.tokenizer.Vocabulary;
import org.priorkit.text.tokenizer.VocabularyBuilder;
import org.priorkit.text.tokenizer.WordPieceTokenizer;
import org.priorkit.weights.BertFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pretraining on a MIMIC-CXR-JPG-style tree, start to end: index the pairs (frontal, >= 4
 * sentences, official train split), build or read the WordPiece vocabulary, create the model, and
 * run (or resume) the three stages. What {@code kit pretrain}, the notebooks and the JBang script
 * call.
 *
 * @param dataDir      the synthetic root or a folder holding mimic-cxr-jpg/2.0.0 and mimic-cxr-reports
 * @param runDir       checkpoints, metrics.jsonl and vocab.txt
 * @param config       model and stages (a preset, possibly with fewer epochs)
 * @param vocab        a cased BERT vocab.txt to use (copied to runDir/vocab.txt), or null to build one from
 *                     the training reports (written to runDir/vocab.txt, reused on resume)
 * @param maxPairs     use at most this many training pairs (0 = all), for quick runs
 * @param maxBad       real data only: the share of records (rows, reports, images) that may be unreadable and
 *                     skipped before the run stops (the synthetic set is read strictly: any bad record stops)
 * @param start        published weights to start from (ImageNet ResNet-50, a BERT folder), or
 *                     {@link StartingWeights#NONE}
 */
public record PretrainJob(Path dataDir, Path runDir, PriorConfig config, Path vocab, int maxPairs, double maxBad,
                          StartingWeights start) {

    /** Real data may have 1% of its records unreadable: 200,000 reports hold a few odd ones. */
    public static final double DEFAULT_MAX_BAD = LoadedRecords.DEFAULT_MAX_BAD;

    public PretrainJob {
        if (!(maxBad >= 0 && maxBad <= 1)) {
            throw new IllegalArgumentException("--max-bad must be between 0 and 1 (0% and 100%), got " + maxBad);
        }
        if (start == null) {
            start = StartingWeights.NONE;
        }
        if (vocab != null && start.text() != null) {
            throw new IllegalArgumentException("--vocab and --text-weights both give a vocabulary: the BERT folder "
                    + "brings its own vocab.txt");
        }
    }

    /** A job with the default {@link #DEFAULT_MAX_BAD}, from random weights. */
    public PretrainJob(Path dataDir, Path runDir, PriorConfig config, Path vocab, int maxPairs) {
        this(dataDir, runDir, config, vocab, maxPairs, DEFAULT_MAX_BAD, StartingWeights.NONE);
    }

    /** What a finished run leaves behind. */
    public record Outcome(StageTrainer.Result result, Path vocab, PriorConfig config, int pairs) {}

    /**
     * Training pairs of the official split, at most {@code maxPairs}. On real data an unreadable record is
     * skipped, counted and reported (up to {@code maxBad} of them); the synthetic set must be whole.
     */
    public List<MimicPair> trainPairs() {
        boolean synthetic = SyntheticGenerator.isComplete(dataDir);
        LoadedRecords<MimicPair> loaded = MimicIndex.load(MimicIndex.Options.prior(MimicLayout.find(dataDir))
                .skipping(!synthetic));
        List<MimicPair> train = new ArrayList<>();
        for (MimicPair p : loaded.within(maxBad, dataDir)) {
            if (p.split().equals("train") && (maxPairs <= 0 || train.size() < maxPairs)) {
                train.add(p);
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training pairs under " + dataDir + ":\n" + loaded.describe());
        }
        return train;
    }

    /**
     * The vocabulary in the run folder: a given one (--vocab, cased, or the BERT folder's, {@code folder}
     * null without one) copied there with its casing, or one built from the reports (kept on resume).
     */
    private Path vocabulary(List<MimicPair> pairs, BertFolder folder) throws IOException {
        if (vocab != null || folder != null) {
            RunFolder.writeGivenVocabulary(runDir, vocab != null ? vocab : folder.vocabFile(),
                    vocab == null && folder.lowercase());
            return runDir.resolve(RunFolder.VOCAB);
        }
        Path file = runDir.resolve(RunFolder.VOCAB);
        if (!Files.exists(file)) {
            List<String> sentences = new ArrayList<>();
            pairs.forEach(p -> sentences.addAll(p.sentences()));
            Vocabulary v = new VocabularyBuilder(1, true).build(sentences);
            Files.createDirectories(runDir);
            v.write(file);
        }
        return file;
    }

    /** The text encoder sized to the vocabulary. */
    public static PriorConfig withVocabulary(PriorConfig config, WordPieceTokenizer tokenizer) {
        return config.withText(config.text().withVocabSize(tokenizer.vocabulary().size()));
    }

    /** Runs or resumes the stages on {@code device}. */
    public Outcome run(Device device, TrainOptions options) throws IOException {
        return run(List.of(device), options);
    }

    /**
     * Runs or resumes the stages; with several devices each batch is split over them
     * ({@link DataParallelObjective}) and the model lives on the first.
     */
    public Outcome run(List<Device> devices, TrainOptions options) throws IOException {
        Device device = devices.get(0);
        List<MimicPair> pairs = trainPairs();
        BertFolder folder = start.textFolder();
        Path vocabFile = vocabulary(pairs, folder);
        WordPieceTokenizer tokenizer = RunFolder.tokenizer(runDir);
        PriorConfig sized = folder != null ? StartingWeights.withTextEncoder(config, folder)
                : withVocabulary(config, tokenizer);
        ImageReportSamples samples = new ImageReportSamples(pairs, ImageSources.defaults(), sized.image().imageSize(),
                sized.augment(), Normalization.PRIOR, new ReportEncoder(tokenizer, sized.text().maxTokens()),
                sized.text().maxSentences());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            PriorModel model = PriorModel.create(sized, manager);
            start.loadInto(model, folder); // a resumed run overwrites these with its checkpoint
            PriorObjective single = new PriorObjective(model);
            Objective<PretrainBatch> objective = devices.size() > 1 ? new DataParallelObjective(single, devices) : single;
            StageTrainer.Result result = StageTrainer.run(objective, samples, sized, options, manager);
            return new Outcome(result, vocabFile, sized, pairs.size());
        }
    }

    /** A config whose stages each last {@code epochs} epochs (quick runs, notebooks, CI). */
    public static PriorConfig withEpochs(PriorConfig config, int epochs) {
        List<StageConfig> stages = new ArrayList<>();
        config.stages().forEach(s -> stages.add(s.withEpochs(epochs)));
        return config.withStages(stages);
    }
}
