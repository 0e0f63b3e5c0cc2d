package org.priorkit.pretrain;

import org.priorkit.config.PriorConfig;
import org.priorkit.config.TextEncoderConfig;
import org.priorkit.model.PriorModel;
import org.priorkit.vision.ResNet;
import org.priorkit.weights.BertFolder;
import org.priorkit.weights.PublishedWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Published weights a pretraining starts from, as the paper starts from ImageNet's ResNet-50 and
 * Bio_ClinicalBERT; either may be null (random init, the kit's default).
 *
 * @param image a ResNet-50 file: torchvision's ImageNet state dict (.pth), PRIOR's prior_resnet50.pt, or a
 *              Lightning checkpoint with the official names
 * @param text  a Hugging Face BERT folder (config.json, vocab.txt, model.safetensors or pytorch_model.bin);
 *              the run then uses its vocabulary, its casing and its sizes
 */
public record StartingWeights(Path image, Path text) {

    public static final StartingWeights NONE = new StartingWeights(null, null);

    /** Checks the files exist before any data is read; one error naming the option and the path. */
    public StartingWeights {
        if (image != null && !Files.isRegularFile(image)) {
            throw new IllegalArgumentException("--image-weights " + image + ": no such file");
        }
        if (text != null && !Files.isDirectory(text)) {
            throw new IllegalArgumentException("--text-weights " + text + ": no such folder (a Hugging Face BERT folder)");
        }
    }

    /** The BERT folder, or null. */
    public BertFolder textFolder() throws IOException {
        return text == null ? null : BertFolder.open(text);
    }

    /**
     * {@code config} with the text encoder the folder describes (layers, width, heads, feed-forward,
     * vocabulary); the preset's token budget is kept, at most BERT's position table.
     */
    public static PriorConfig withTextEncoder(PriorConfig config, BertFolder folder) {
        var b = folder.config();
        var t = config.text();
        return config.withText(new TextEncoderConfig(b.vocabSize(), b.numLayers(), b.hiddenSize(),
                b.numHeads(), b.intermediateSize(), Math.min(t.maxTokens(), b.maxPositions()), t.maxSentences()));
    }

    /** Copies the weights into a freshly created model. */
    public void loadInto(PriorModel model) throws IOException {
        loadInto(model, textFolder());
    }

    /** As {@link #loadInto(PriorModel)}, with the text folder already opened ({@link #textFolder()}). */
    void loadInto(PriorModel model, BertFolder textFolder) throws IOException {
        if (image != null) {
            var c = model.config().image();
            if (c.depth() != 50 || c.widthDivisor() != 1) {
                throw new IllegalArgumentException("--image-weights " + image + " holds a ResNet-50; this preset's image "
                        + "encoder is a ResNet-" + c.depth() + (c.widthDivisor() == 1 ? "" : " at 1/" + c.widthDivisor()
                        + " width") + " (use --preset paper)");
            }
            PublishedWeights.loadImageEncoder((ResNet) model.imageEncoder().getBackbone(), image);
        }
        if (textFolder != null) {
            PublishedWeights.loadTextEncoder(model.textEncoder(), textFolder);
        }
    }
}
