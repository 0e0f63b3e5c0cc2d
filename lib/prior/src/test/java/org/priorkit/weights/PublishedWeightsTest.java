package org.priorkit.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.testing.Golden;
import org.priorkit.text.BertConfig;
import org.priorkit.text.TextEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Hugging Face BERT folder written by Debian's PyTorch (published_weights.py fixtures: config.json,
 * vocab.txt, tokenizer_config.json, model.safetensors with BertModel's names, pytorch_model.bin with
 * BertForPreTraining's names and TensorFlow-era LayerNorm gamma/beta) loads into the kit's TextEncoder
 * and gives PyTorch's hidden states. The full-size files are in {@link PublishedWeightsFullSizeTest}.
 */
class PublishedWeightsTest {

    static NDArray hidden(TextEncoder enc, NDManager m, NDArray ids, NDArray mask) {
        return enc.forward(new ParameterStore(m, false), ids, mask, null, false).get(0);
    }

    private static TextEncoder encoder(BertConfig config, NDManager m) {
        TextEncoder enc = new TextEncoder(config);
        enc.initialize(m, DataType.FLOAT32, new Shape(1, 4), new Shape(1, 4));
        return enc;
    }

    @Test
    void folderGivesSizesTokenizerAndWeights() throws IOException {
        BertFolder folder = BertFolder.open(TorchFileTest.resource("tiny-bert"));
        assertEquals(new BertConfig(30, 16, 2, 4, 32, 24, 2, 1e-12f, 0.1f, 0.1f), folder.config());
        assertTrue(folder.lowercase(), "tokenizer_config.json: do_lower_case true");
        assertEquals("model.safetensors", folder.weightsFile().getFileName().toString(), "safetensors first");
        assertEquals(List.of("the", "heart", "is", "normal", "size", "."),
                folder.tokenizer().tokenize("The heart is normal size."), "its own vocabulary, lowercased");
    }

    @Test
    void safetensorsAndPytorchBinGivePyTorchsHiddenStates(@TempDir Path dir) throws IOException {
        Path source = TorchFileTest.resource("tiny-bert");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, source.resolveSibling("tiny-bert.npz"));
            BertFolder safe = BertFolder.open(source);
            TextEncoder a = encoder(safe.config(), m);
            PublishedWeights.loadTextEncoder(a, safe);
            Golden.assertClose(g.get("hidden"), hidden(a, m, g.get("input_ids"), g.get("attention_mask")),
                    "hidden states from model.safetensors");

            for (String f : List.of("config.json", "vocab.txt", "pytorch_model.bin")) {   // the older download
                Files.copy(source.resolve(f), dir.resolve(f));
            }
            BertFolder bin = BertFolder.open(dir);
            assertEquals("pytorch_model.bin", bin.weightsFile().getFileName().toString());
            assertTrue(bin.lowercase(), "no tokenizer_config.json: lowercase, as BertTokenizer");
            TextEncoder b = encoder(bin.config(), m);
            PublishedWeights.loadTextEncoder(b, bin);
            Golden.assertClose(g.get("hidden"), hidden(b, m, g.get("input_ids"), g.get("attention_mask")),
                    "hidden states from pytorch_model.bin (bert. prefix, cls heads, gamma/beta)");
        }
    }

    @Test
    void aShorterPositionTableKeepsBertsFirstRows() throws IOException {
        BertFolder folder = BertFolder.open(TorchFileTest.resource("tiny-bert"));
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = Golden.load(m, TorchFileTest.resource("tiny-bert.npz"));
            TextEncoder enc = encoder(folder.config().withMaxPositions(8), m);
            PublishedWeights.loadTextEncoder(enc, folder);
            Golden.assertClose(g.get("hidden"), hidden(enc, m, g.get("input_ids"), g.get("attention_mask")),
                    "8 positions are enough for 8 tokens");
        }
    }

    @Test
    void mistakesAreOneClearError(@TempDir Path dir) throws IOException {
        Path source = TorchFileTest.resource("tiny-bert");
        IOException e = assertThrows(IOException.class, () -> BertFolder.open(dir));
        assertTrue(e.getMessage().contains("has no config.json"), e.getMessage());

        Files.copy(source.resolve("vocab.txt"), dir.resolve("vocab.txt"));
        Files.writeString(dir.resolve("config.json"), Files.readString(source.resolve("config.json"))
                .replace("\"gelu\"", "\"relu\""));
        Files.copy(source.resolve("model.safetensors"), dir.resolve("model.safetensors"));
        e = assertThrows(IOException.class, () -> BertFolder.open(dir));
        assertTrue(e.getMessage().contains("hidden_act relu"), e.getMessage());

        BertFolder folder = BertFolder.open(source);
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder wider = encoder(new BertConfig(30, 32, 2, 4, 32, 24, 2, 1e-12f, 0.1f, 0.1f), m);
            e = assertThrows(IOException.class, () -> PublishedWeights.loadTextEncoder(wider, folder));
            assertTrue(e.getMessage().contains("config.json describes"), e.getMessage());
        }
    }

    @Test
    void aStorageMissingFromTheZipIsAnIOErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path source = TorchFileTest.resource("tiny-bert");
        for (String f : List.of("config.json", "vocab.txt")) {
            Files.copy(source.resolve(f), dir.resolve(f));
        }
        Path bin = dir.resolve("pytorch_model.bin");
        try (var in = new java.util.zip.ZipFile(source.resolve("pytorch_model.bin").toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bin))) {
            for (var e : java.util.Collections.list(in.entries())) {
                if (!e.getName().endsWith("data/3")) {                      // one storage lost in transfer
                    out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        BertFolder folder = BertFolder.open(dir);
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = encoder(folder.config(), m);
            IOException e = assertThrows(IOException.class, () -> PublishedWeights.loadTextEncoder(enc, folder));
            assertTrue(e.getMessage().contains(bin.toString()) && e.getMessage().contains("missing from the zip"),
                    e.getMessage());
        }
    }

    @Test
    void aFileWithoutAResNetNamesWhatItHolds() {
        IOException e = assertThrows(IOException.class, () -> PublishedWeights.resNetStateDict(
                TorchFile.stateDict(TorchFileTest.resource("formats.pth")), Path.of("formats.pth"), null));
        assertTrue(e.getMessage().contains("holds no ResNet") && e.getMessage().contains("matrix"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
