package org.priorkit.pretrain;

import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.csv.CsvTable;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.text.tokenizer.VocabularyBuilder;
import org.priorkit.text.tokenizer.WordPieceTokenizer;
import org.priorkit.vision.ResNet;
import org.priorkit.weights.PublishedWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A PriorModel ready for a downstream task or a notebook, with the tokenizer its text encoder was
 * trained with: the weights of a pretraining checkpoint (any stage), or a randomly initialised model
 * (the "random-init" rung of the ablation ladder). The one way the kit opens an encoder: every task,
 * run-all and the notebooks come here.
 *
 * @param model         the model; its parameters live in the manager it was created in
 * @param tokenizer     the pretraining vocabulary's WordPiece tokenizer (null for a random init on
 *                      data without MIMIC reports: image tasks only)
 * @param usePrototypes whether report pooling sees sentence prototypes instead of sentences, as in
 *                      the stage the checkpoint was written in (stage 2 and 3: yes; stage 1 and
 *                      random init: no)
 * @param source        where the weights came from, for reports ("random-init" or the file)
 */
public record TaskModel(PriorModel model, WordPieceTokenizer tokenizer, boolean usePrototypes, String source) {

    public static final String RANDOM_INIT = "random-init";

    public PriorConfig config() {
        return model.config();
    }

    /**
     * {@code checkpoint} null: a random init of {@code randomInit} (its preset and seed; see
     * {@link #randomInit}); otherwise a run folder or a .ckpt file (see {@link #load(Path, NDManager)}).
     */
    public static TaskModel open(Path checkpoint, Path dataRoot, PriorConfig randomInit, NDManager manager)
            throws IOException {
        if (checkpoint == null) {
            return randomInit(randomInit, dataRoot, manager);
        }
        return isPyTorchFile(checkpoint) ? published(checkpoint, manager) : load(checkpoint, manager);
    }

    /** Whether {@code path} is a file torch.save wrote (a zip holding data.pkl, or the legacy pickle format). */
    public static boolean isPyTorchFile(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith("data.pkl"));
        } catch (ZipException notZip) {
            try (var in = Files.newInputStream(path)) {
                return in.read() == 0x80; // a pickle's PROTO opcode: the legacy format
            }
        }
    }

    /**
     * A published image encoder for the image tasks (classification, segmentation, detection): the
     * paper preset's ResNet-50 from {@code file} (PRIOR's prior_resnet50.pt, the image encoder of the
     * authors' Lightning checkpoint, or torchvision's ImageNet weights). The released files carry no
     * text side the kit can run (the authors' heads differ in shape), so the tokenizer is null and the
     * text tasks refuse it.
     */
    public static TaskModel published(Path file, NDManager manager) throws IOException {
        // The image tasks never touch the text side: a tiny one spares BERT-base's ~440 MB and its init.
        PriorModel model = PriorModel.create(PriorConfig.paper().withText(PriorConfig.tiny().text()), manager);
        PublishedWeights.loadImageEncoder((ResNet) model.imageEncoder().getBackbone(), file);
        return new TaskModel(model, null, false, file.toString());
    }

    /** The tokenizer, or one clear error for a model with no text side (a published image encoder). */
    public WordPieceTokenizer requireTokenizer() {
        if (tokenizer == null) {
            throw new IllegalArgumentException(source + " has no text encoder the kit can use: zero-shot and "
                    + "retrieval need a kit pretraining checkpoint (image tasks take this file)");
        }
        return tokenizer;
    }

    /**
     * A randomly initialised model of {@code config}, seeded by its seed. The text encoder is sized
     * to a vocabulary built from the MIMIC training reports under {@code dataRoot}, as
     * {@link PretrainJob} builds it; without MIMIC reports there (a SIIM or RSNA folder alone) it keeps
     * the config's vocabulary size and the tokenizer is null. The image encoder is the same either way
     * (it is initialised first).
     */
    public static TaskModel randomInit(PriorConfig config, Path dataRoot, NDManager manager) {
        List<String> sentences = trainingSentences(dataRoot);
        if (sentences.isEmpty()) {
            return new TaskModel(PriorModel.create(config, manager), null, false, RANDOM_INIT);
        }
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(new VocabularyBuilder(1, true).build(sentences), true);
        PriorConfig sized = PretrainJob.withVocabulary(config, tokenizer);
        return new TaskModel(PriorModel.create(sized, manager), tokenizer, false, RANDOM_INIT);
    }

    /**
     * A pretraining checkpoint: {@code path} is a .ckpt file or a run folder ({@link RunFolder#checkpointIn}).
     * The vocabulary is the vocab.txt next to the checkpoint (lowercased unless a tokenizer_config.json
     * there says otherwise, see {@link RunFolder#lowercase}); the config is the one the checkpoint saved
     * (or, for an older one, its preset's).
     */
    public static TaskModel load(Path path, NDManager manager) throws IOException {
        Path file = RunFolder.checkpointIn(path);
        Path dir = file.toAbsolutePath().getParent();
        return load(file, dir.resolve(RunFolder.VOCAB), RunFolder.lowercase(dir), null, manager);
    }

    /**
     * A checkpoint with an explicit vocabulary (e.g. Bio_ClinicalBERT's vocab.txt, cased) and, when
     * {@code config} is non-null, an explicit model config instead of the checkpoint's.
     */
    public static TaskModel load(Path file, Path vocab, boolean lowercase, PriorConfig config, NDManager manager)
            throws IOException {
        if (!Files.isRegularFile(vocab)) {
            throw new IOException("no vocabulary " + vocab + " for checkpoint " + file
                    + " (a kit run folder holds vocab.txt next to its checkpoints)");
        }
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocab, lowercase);
        try (NDManager tmp = manager.newSubManager()) {
            Checkpoint.Contents ck = Checkpoint.read(tmp, file);
            PriorConfig base = config != null ? config : ck.state().configOrPreset();
            PriorConfig sized = PretrainJob.withVocabulary(base, tokenizer);
            PriorModel model = PriorModel.create(sized, manager);
            StateDict.load(model, ck.model());
            List<StageConfig> stages = sized.stages();
            int stage = ck.state().stage();
            boolean protos = stage >= 0 && stage < stages.size() && stages.get(stage).usePrototypes();
            return new TaskModel(model, tokenizer, protos, file.toString());
        }
    }

    /** The sentences of the MIMIC training reports under {@code dataRoot}; none when it holds no MIMIC tree. */
    private static List<String> trainingSentences(Path dataRoot) {
        MimicLayout layout = MimicLayout.find(dataRoot);
        List<String> sentences = new ArrayList<>();
        if (!Files.exists(CsvTable.resolve(layout.jpgRoot(), MimicLayout.METADATA))) {
            return sentences; // no MIMIC tree here
        }
        // real data: a random init's vocabulary skips what cannot be read (up to the default share)
        boolean real = !SyntheticGenerator.isComplete(dataRoot);
        for (MimicPair p : MimicIndex.load(MimicIndex.Options.prior(layout).skipping(real))
                .within(LoadedRecords.DEFAULT_MAX_BAD, dataRoot)) {
            if (p.split().equals("train")) {
                sentences.addAll(p.sentences());
            }
        }
        return sentences;
    }
}
