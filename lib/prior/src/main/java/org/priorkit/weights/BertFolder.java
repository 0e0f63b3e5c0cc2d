package org.priorkit.weights;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.priorkit.text.BertConfig;
import org.priorkit.text.tokenizer.Vocabulary;
import org.priorkit.text.tokenizer.WordPieceTokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face BERT folder as downloaded (e.g. emilyalsentzer/Bio_ClinicalBERT): {@code config.json}
 * (the sizes), {@code vocab.txt} (its own WordPiece vocabulary), {@code tokenizer_config.json} when
 * present ({@code do_lower_case}; absent means lowercase, as Hugging Face's BertTokenizer), and the
 * weights in {@code model.safetensors} or {@code pytorch_model.bin} (safetensors preferred, as
 * transformers does).
 *
 * @param dir       the folder
 * @param config    config.json as the kit's BertConfig
 * @param lowercase whether the tokenizer lowercases
 */
public record BertFolder(Path dir, BertConfig config, boolean lowercase) {

    public static final String CONFIG = "config.json";
    public static final String VOCAB = "vocab.txt";
    public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    public static final String SAFETENSORS = "model.safetensors";
    public static final String PYTORCH_BIN = "pytorch_model.bin";

    /** Reads config.json and tokenizer_config.json; one clear error per missing file or unsupported field. */
    public static BertFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no BERT folder at " + dir);
        }
        for (String needed : new String[] {CONFIG, VOCAB}) {
            if (!Files.isRegularFile(dir.resolve(needed))) {
                throw new IOException(dir + " has no " + needed + " (a Hugging Face BERT folder holds config.json, "
                        + "vocab.txt and model.safetensors or pytorch_model.bin)");
            }
        }
        if (!Files.isRegularFile(dir.resolve(SAFETENSORS)) && !Files.isRegularFile(dir.resolve(PYTORCH_BIN))) {
            throw new IOException(dir + " has neither " + SAFETENSORS + " nor " + PYTORCH_BIN);
        }
        JsonObject c = json(dir.resolve(CONFIG));
        String type = string(c, "model_type", "bert");
        String act = string(c, "hidden_act", "gelu");
        String positions = string(c, "position_embedding_type", "absolute");
        if (!type.equals("bert") || !act.equals("gelu") || !positions.equals("absolute")) {
            throw new IOException(dir.resolve(CONFIG) + ": the kit runs BERT with exact GELU and absolute positions; "
                    + "this is model_type " + type + ", hidden_act " + act + ", position_embedding_type " + positions);
        }
        BertConfig config = new BertConfig(integer(c, "vocab_size", dir), integer(c, "hidden_size", dir),
                integer(c, "num_hidden_layers", dir), integer(c, "num_attention_heads", dir),
                integer(c, "intermediate_size", dir), integer(c, "max_position_embeddings", dir),
                c.has("type_vocab_size") ? c.get("type_vocab_size").getAsInt() : 2,
                c.has("layer_norm_eps") ? c.get("layer_norm_eps").getAsFloat() : 1e-12f,
                c.has("hidden_dropout_prob") ? c.get("hidden_dropout_prob").getAsFloat() : 0.1f,
                c.has("attention_probs_dropout_prob") ? c.get("attention_probs_dropout_prob").getAsFloat() : 0.1f);
        boolean lowercase = true;
        Path tokenizerConfig = dir.resolve(TOKENIZER_CONFIG);
        if (Files.isRegularFile(tokenizerConfig)) {
            JsonObject t = json(tokenizerConfig);
            if (t.has("do_lower_case")) {
                lowercase = t.get("do_lower_case").getAsBoolean();
            }
        }
        return new BertFolder(dir, config, lowercase);
    }

    public Path vocabFile() {
        return dir.resolve(VOCAB);
    }

    /** The folder's tokenizer; its vocabulary must fit the embedding table. */
    public WordPieceTokenizer tokenizer() throws IOException {
        Vocabulary v = Vocabulary.load(vocabFile());
        if (v.size() > config.vocabSize()) {
            throw new IOException(vocabFile() + " has " + v.size() + " pieces but config.json's vocab_size is "
                    + config.vocabSize());
        }
        return new WordPieceTokenizer(v, lowercase);
    }

    /** The weights file transformers would read: model.safetensors, else pytorch_model.bin. */
    public Path weightsFile() {
        Path safe = dir.resolve(SAFETENSORS);
        return Files.isRegularFile(safe) ? safe : dir.resolve(PYTORCH_BIN);
    }

    /** Every tensor of {@link #weightsFile()}, names as stored. */
    public Map<String, TorchTensor> tensors() throws IOException {
        Path file = weightsFile();
        return file.getFileName().toString().equals(SAFETENSORS) ? SafeTensors.read(file) : TorchFile.stateDict(file);
    }

    private static JsonObject json(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a JSON object: " + e.getMessage());
        }
    }

    private static int integer(JsonObject c, String field, Path dir) throws IOException {
        JsonElement e = c.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IOException(dir.resolve(CONFIG) + ": field " + field + " is missing or not a number");
        }
        return e.getAsInt();
    }

    private static String string(JsonObject c, String field, String otherwise) {
        return c.has(field) && c.get(field).isJsonPrimitive() ? c.get(field).getAsString() : otherwise;
    }
}
