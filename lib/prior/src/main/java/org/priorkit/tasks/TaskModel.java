package org.priorkit.tasks;

import ai.djl.ndarray.NDManager;
import org.priorkit.config.PriorConfig;
import org.priorkit.config.StageConfig;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.model.PriorModel;
import org.priorkit.nn.StateDict;
import org.priorkit.pretrain.Checkpoint;
import org.priorkit.pretrain.PretrainJob;
import org.priorkit.pretrain.RunFolder;
import org.priorkit.pretrain.StageTrainer;
import org.priorkit.text.tokenizer.VocabularyBuilder;
import org.priorkit.text.tokenizer.WordPieceTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PriorModel ready for a downstream task, with the tokenizer its text encoder was trained with.
 * Either a checkpoint of a pretraining run (any stage) or a randomly initialised model (the
 * "random-init" rung of the ablation ladder).
 *
 * @param model         the model; its parameters live in the manager it was created in
 * @param tokenizer     the pretraining vocabulary's WordPiece tokenizer
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
     * The entry point tasks use: {@code checkpoint} null = random init of {@code preset} (vocabulary
     * built from the MIMIC training reports under {@code dataRoot}, as {@code kit pretrain} builds
     * it), otherwise a run folder or a .ckpt file (see {@link #load(Path, NDManager)}).
     */
    public static TaskModel open(Path checkpoint, Path dataRoot, String preset, NDManager manager)
            throws IOException {
        return checkpoint == null
                ? randomInit(PriorConfig.preset(preset), dataRoot, manager)
                : load(checkpoint, manager);
    }

    /** A randomly initialised model of {@code config}, its vocabulary built from dataRoot's MIMIC train reports. */
    public static TaskModel randomInit(PriorConfig config, Path dataRoot, NDManager manager) {
        List<String> sentences = new ArrayList<>();
        for (MimicPair p : new TaskData(dataRoot).mimicPairs()) {
            if (p.split().equals("train")) {
                sentences.addAll(p.sentences());
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no MIMIC training reports under " + dataRoot + " to build a vocabulary");
        }
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(new VocabularyBuilder(1, true).build(sentences), true);
        PriorConfig sized = PretrainJob.withVocabulary(config, tokenizer);
        return new TaskModel(PriorModel.create(sized, manager), tokenizer, false, RANDOM_INIT);
    }

    /**
     * A pretraining checkpoint: {@code path} is a .ckpt file or a run folder (then its last.ckpt, or
     * failing that its latest stage-N-*.ckpt). The vocabulary is the vocab.txt next to the
     * checkpoint (built by the kit, so lowercased); the preset comes from the checkpoint.
     */
    public static TaskModel load(Path path, NDManager manager) throws IOException {
        Path file = checkpointFile(path);
        Path vocab = file.toAbsolutePath().getParent().resolve(RunFolder.VOCAB);
        return load(file, vocab, true, null, manager);
    }

    /**
     * A checkpoint with an explicit vocabulary (e.g. Bio_ClinicalBERT's vocab.txt, cased) and, when
     * {@code config} is non-null, an explicit model config instead of the checkpoint's preset.
     */
    public static TaskModel load(Path file, Path vocab, boolean lowercase, PriorConfig config, NDManager manager)
            throws IOException {
        if (!Files.isRegularFile(vocab)) {
            throw new IOException("no vocabulary " + vocab + " for checkpoint " + file
                    + " (a kit run folder holds vocab.txt next to its checkpoints)");
        }
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocab, lowercase);
        try (NDManager tmp = manager.newSubManager()) {
            Checkpoint.Loaded ck = Checkpoint.read(tmp, file);
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

    /** A .ckpt file as is; a run folder's last.ckpt, or its highest-numbered stage checkpoint. */
    static Path checkpointFile(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("checkpoint " + path + " does not exist");
        }
        Path last = path.resolve(RunFolder.LAST);
        if (Files.isRegularFile(last)) {
            return last;
        }
        try (var files = Files.list(path)) {
            return files.filter(p -> p.getFileName().toString().matches("stage-\\d+-.*\\.ckpt"))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IOException("no last.ckpt or stage-N-*.ckpt in " + path));
        }
    }
}
