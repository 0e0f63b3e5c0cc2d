package org.priorkit.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.model.PriorModel;
import org.priorkit.text.tokenizer.ReportEncoder;
import org.priorkit.text.tokenizer.Vocabulary;
import org.priorkit.text.tokenizer.VocabularyBuilder;
import org.priorkit.text.tokenizer.WordPieceTokenizer;

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
 * @param vocab        a BERT vocab.txt to use (e.g. Bio_ClinicalBERT's), or null to build one from the
 *                     training reports (written to runDir/vocab.txt, reused on resume)
 * @param maxPairs     use at most this many training pairs (0 = all), for quick runs
 */
public record PretrainJob(Path dataDir, Path runDir, PriorConfig config, Path vocab, int maxPairs) {

    /** What a finished run leaves behind. */
    public record Outcome(StageTrainer.Result result, Path vocab, PriorConfig config, int pairs) {}

    /** Training pairs of the official split, at most {@code maxPairs}. */
    public List<MimicPair> trainPairs() {
        LoadedRecords<MimicPair> loaded = MimicIndex.load(MimicIndex.Options.prior(MimicLayout.find(dataDir)));
        List<MimicPair> train = new ArrayList<>();
        for (MimicPair p : loaded.records()) {
            if (p.split().equals("train") && (maxPairs <= 0 || train.size() < maxPairs)) {
                train.add(p);
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training pairs under " + dataDir + ":\n" + loaded.describe());
        }
        return train;
    }

    /** The vocabulary: given, already in the run folder (resume), or built from the reports. */
    public Path vocabulary(List<MimicPair> pairs) throws IOException {
        if (vocab != null) {
            return vocab;
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
        Path vocabFile = vocabulary(pairs);
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocabFile, vocab == null);
        PriorConfig sized = withVocabulary(config, tokenizer);
        ImageReportSamples samples = new ImageReportSamples(pairs, ImageSources.defaults(), sized.image().imageSize(),
                sized.augment(), Normalization.PRIOR, new ReportEncoder(tokenizer, sized.text().maxTokens()),
                sized.text().maxSentences());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            PriorModel model = PriorModel.create(sized, manager);
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
