package org.priorkit.pretrain;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonParser;
import org.priorkit.config.PriorConfig;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.model.PriorModel;
import org.priorkit.text.tokenizer.ReportEncoder;
import org.priorkit.text.tokenizer.WordPieceTokenizer;
import org.priorkit.train.MetricsLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pretraining run folder. Its file names are defined here, once: {@code last.ckpt} (where a run
 * resumes), {@code stage-N-NAME.ckpt} (the end of each stage), {@code metrics.jsonl} and
 * {@code vocab.txt}. An opened folder adds the data it was trained on and what a notebook needs from
 * it: the model after a stage, the tokenizer, batches of pairs, and the metrics.
 *
 * @param dir    the run folder (stage checkpoints, last.ckpt, metrics.jsonl, vocab.txt)
 * @param data   the data root it was trained on
 * @param config the model's config, sized to the run's vocabulary
 */
public record RunFolder(Path dir, Path data, PriorConfig config, WordPieceTokenizer tokenizer) {

    /** The checkpoint a run resumes from, rewritten every few steps and at each stage's end. */
    public static final String LAST = "last.ckpt";
    /** One JSON line per training step ({@link MetricsLog}). */
    public static final String METRICS = "metrics.jsonl";
    /** The WordPiece vocabulary built from the training reports (reused on resume), or the one given. */
    public static final String VOCAB = "vocab.txt";
    /**
     * Written beside a given (not built) vocabulary: {@code {"do_lower_case": false}} for a cased one,
     * as Hugging Face names it; absent, the vocabulary is the kit's own and lowercased.
     */
    public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    private static final Pattern STAGE_FILE = Pattern.compile("stage-(\\d+)-.*\\.ckpt");

    /** Checkpoint written at the end of stage {@code index} (0-based): {@code stage-1-align.ckpt}. */
    public static Path stageCheckpoint(Path runDir, int index, String name) {
        return runDir.resolve("stage-" + (index + 1) + "-" + name + ".ckpt");
    }

    /**
     * The checkpoint a path names, the one resolver of the kit: a .ckpt file as it is; a run folder's
     * {@code last.ckpt}, or failing that its highest-numbered stage checkpoint.
     */
    public static Path checkpointIn(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("checkpoint " + path + " does not exist");
        }
        Path last = path.resolve(LAST);
        if (Files.isRegularFile(last)) {
            return last;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(p -> STAGE_FILE.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparingInt(p -> stageNumber(p.getFileName().toString())))
                    .orElseThrow(() -> new IOException("no " + LAST + " or stage-N-*.ckpt in " + path));
        }
    }

    private static int stageNumber(String fileName) {
        Matcher m = STAGE_FILE.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Opens a run folder written by {@link PretrainJob} with {@code preset}. */
    public static RunFolder open(Path dir, Path data, PriorConfig preset) throws IOException {
        WordPieceTokenizer tokenizer = tokenizer(dir);
        return new RunFolder(dir, data, PretrainJob.withVocabulary(preset, tokenizer), tokenizer);
    }

    /** The tokenizer of the run in {@code dir}: its vocab.txt, lowercased unless tokenizer_config.json says not. */
    public static WordPieceTokenizer tokenizer(Path dir) throws IOException {
        return WordPieceTokenizer.load(dir.resolve(VOCAB), lowercase(dir));
    }

    /** {@code do_lower_case} of dir/tokenizer_config.json; true when there is none (the kit's own vocabulary). */
    public static boolean lowercase(Path dir) throws IOException {
        Path file = dir.resolve(TOKENIZER_CONFIG);
        if (!Files.isRegularFile(file)) {
            return true;
        }
        try {
            var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return !json.has("do_lower_case") || json.get("do_lower_case").getAsBoolean();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a tokenizer config: " + e.getMessage());
        }
    }

    /** Writes {@code vocab} as dir/vocab.txt with its casing in dir/tokenizer_config.json (a given vocabulary). */
    static void writeGivenVocabulary(Path dir, Path vocab, boolean lowercase) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(VOCAB);
        if (!Files.exists(target) || !Files.isSameFile(vocab, target)) { // a resumed run may name its own copy
            Files.copy(vocab, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve(TOKENIZER_CONFIG), "{\"do_lower_case\": " + lowercase + "}\n");
    }

    /**
     * Opens a finished run folder with the config its checkpoints carry (no preset needed), e.g. run-all's
     * {@code runs/run-all/pretrain-prior}; a folder without every stage's checkpoint is an error.
     */
    public static RunFolder open(Path dir, Path data) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no pretraining run folder " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(VOCAB))) {
            throw new IOException(dir + " is not a pretraining run folder (no " + VOCAB + ")");
        }
        PriorConfig config = Checkpoint.readState(checkpointIn(dir)).configOrPreset();
        RunFolder run = open(dir, data, config);
        if (!run.complete()) {
            throw new IOException(dir + " is not finished: " + run.checkpoint(config.stages().size()).getFileName()
                    + " is missing (run the pretraining to its end, it resumes)");
        }
        return run;
    }

    /** The checkpoint written at the end of stage {@code stage} (1 align, 2 prototype, 3 reconstruct). */
    public Path checkpoint(int stage) {
        if (stage < 1 || stage > config.stages().size()) {
            throw new IllegalArgumentException("stage must be 1.." + config.stages().size() + ", got " + stage);
        }
        return stageCheckpoint(dir, stage - 1, config.stages().get(stage - 1).name());
    }

    /** A model with the weights of stage {@code stage}'s checkpoint, on {@code manager}'s device. */
    public PriorModel load(int stage, NDManager manager) throws IOException {
        return TaskModel.load(checkpoint(stage), manager).model();
    }

    /** The rows of the run's {@code metrics.jsonl}. */
    public List<Map<String, Object>> metrics() throws IOException {
        return MetricsLog.read(dir.resolve(METRICS));
    }

    /** Image-report pairs of the data (PRIOR's filter: frontal, >= 4 sentences) in {@code split}, at most {@code max}. */
    public List<MimicPair> pairs(String split, int max) {
        List<MimicPair> out = new ArrayList<>();
        for (MimicPair p : MimicIndex.load(MimicIndex.Options.prior(MimicLayout.find(data))).records()) {
            if (p.split().equals(split) && out.size() < max) {
                out.add(p);
            }
        }
        return out;
    }

    /** Model inputs for pairs, without augmentation: one sample is [image (1,H,W), ids (T), mask (T), sentenceIndex (T)]. */
    public ImageReportSamples samples(List<MimicPair> pairs) {
        return new ImageReportSamples(pairs, ImageSources.defaults(), config.image().imageSize(), false,
                Normalization.PRIOR, new ReportEncoder(tokenizer, config.text().maxTokens()),
                config.text().maxSentences());
    }

    /** A batch of pairs, without augmentation, in {@code manager}. */
    public PretrainBatch batch(List<MimicPair> pairs, NDManager manager) {
        return samples(pairs).batchOf(manager, java.util.stream.IntStream.range(0, pairs.size()).toArray());
    }

    /** True when every stage's checkpoint is on disk. */
    public boolean complete() {
        for (int s = 1; s <= config.stages().size(); s++) {
            if (!Files.exists(checkpoint(s))) {
                return false;
            }
        }
        return true;
    }
}
