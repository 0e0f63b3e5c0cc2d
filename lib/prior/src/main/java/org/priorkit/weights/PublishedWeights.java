package org.priorkit.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import org.priorkit.nn.StateDict;
import org.priorkit.text.TextEncoder;
import org.priorkit.vision.ResNet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published weights onto the kit's encoders, from the files as users download them:
 * <ul>
 *   <li>image: torchvision's ImageNet ResNet-50 ({@code resnet50-*.pth}: 3-channel conv1 and an fc
 *       head), PRIOR's released image encoder ({@code prior_resnet50.pt}: 1-channel conv1, no fc), or
 *       the image encoder inside the authors' whole Lightning checkpoint ({@code image_encoder.encoder.*});
 *   <li>text: a Hugging Face BERT folder ({@link BertFolder}, e.g. Bio_ClinicalBERT), or the text
 *       encoder inside the authors' checkpoint ({@code text_encoder.encoder.*}).
 * </ul>
 * A 3-channel conv1 is summed over its channels, as the official code's {@code resnet50_224} does: on a
 * gray image repeated three times that is the same convolution. Every parameter of the kit's block
 * must be found with its shape; anything else in the file is listed in the error.
 */
public final class PublishedWeights {

    private PublishedWeights() {}

    /** The ResNet's weights from {@code file} (.pth/.pt state dict or Lightning .ckpt), copied in. */
    public static void loadImageEncoder(ResNet backbone, Path file) throws IOException {
        Map<String, TorchTensor> all = TorchFile.stateDict(file);
        try (NDManager scope = NDManager.subManagerOf(first(backbone))) {
            load(backbone, resNetStateDict(all, file, scope), file);
        } catch (UncheckedIOException e) {      // a storage that could not be read when copied out
            throw e.getCause();
        }
    }

    /** The BERT's weights from a Hugging Face folder, copied in; the folder's sizes must be the encoder's. */
    public static void loadTextEncoder(TextEncoder text, BertFolder folder) throws IOException {
        if (!folder.config().equals(text.getConfig().withMaxPositions(folder.config().maxPositions()))) {
            throw new IOException(folder.dir() + ": config.json describes " + folder.config()
                    + " but the text encoder is " + text.getConfig());
        }
        loadText(text, folder.tensors(), folder.weightsFile());
    }

    /** The text encoder inside the authors' Lightning checkpoint ({@code text_encoder.encoder.*}). */
    public static void loadTextEncoder(TextEncoder text, Path checkpoint) throws IOException {
        loadText(text, TorchFile.stateDict(checkpoint), checkpoint);
    }

    private static void loadText(TextEncoder text, Map<String, TorchTensor> all, Path file) throws IOException {
        try (NDManager scope = NDManager.subManagerOf(first(text))) {
            copyText(text, all, file, scope);
        } catch (UncheckedIOException e) {      // a storage that could not be read when copied out
            throw e.getCause();
        }
    }

    private static void copyText(TextEncoder text, Map<String, TorchTensor> all, Path file, NDManager scope)
            throws IOException {
        Map<String, NDArray> tensors = bertStateDict(all, scope);
        // The kit's position table covers its maxTokens; BERT's first rows are those positions.
        NDArray positions = tensors.get("embeddings.position_embeddings.weight");
        long kept = text.getConfig().maxPositions();
        if (positions != null && positions.getShape().get(0) > kept) {
            tensors.put("embeddings.position_embeddings.weight", positions.get("0:" + kept));
        }
        load(text, tensors, file);
    }

    /**
     * torchvision names for the kit's ResNet: the prefix in front of {@code conv1.weight} dropped
     * ({@code image_encoder.encoder.}, {@code encoder.}, {@code module.} or none), the fc head dropped, a
     * 3-channel conv1 summed to one channel.
     */
    static Map<String, NDArray> resNetStateDict(Map<String, TorchTensor> all, Path file, NDManager manager)
            throws IOException {
        String prefix = prefixOf(all, "conv1.weight", "layer1.0.conv1.weight").orElseThrow(() -> new IOException(
                file + " holds no ResNet (no conv1.weight beside layer1.0.conv1.weight); its first names: "
                        + firstNames(all)));
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, TorchTensor> e : all.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(prefix) || name.startsWith(prefix + "fc.")) {
                continue;
            }
            out.put(name.substring(prefix.length()), e.getValue().toNDArray(manager));
        }
        NDArray conv1 = out.get("conv1.weight");                                  // (64, C, 7, 7)
        if (conv1.getShape().get(1) == 3) {
            out.put("conv1.weight", conv1.sum(new int[] {1}, true));              // (64, 1, 7, 7)
        }
        return out;
    }

    /**
     * Hugging Face names for the kit's TextEncoder: the prefix in front of {@code embeddings.} dropped
     * ({@code bert.}, {@code text_encoder.encoder.} or none), TensorFlow-era {@code LayerNorm.gamma/beta}
     * renamed, and what the encoder does not have dropped ({@link TextEncoder#huggingFaceStateDict}).
     */
    static Map<String, NDArray> bertStateDict(Map<String, TorchTensor> all, NDManager manager) throws IOException {
        String prefix = prefixOf(all, "embeddings.word_embeddings.weight", "encoder.layer.0.attention.self.query.weight")
                .orElseThrow(() -> new IOException("no BERT encoder (embeddings.word_embeddings.weight beside "
                        + "encoder.layer.0.*) among " + firstNames(all)));
        Map<String, NDArray> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, TorchTensor> e : all.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String name = e.getKey().substring(prefix.length())
                        .replaceFirst("LayerNorm\\.gamma$", "LayerNorm.weight")
                        .replaceFirst("LayerNorm\\.beta$", "LayerNorm.bias");
                renamed.put(name, e.getValue().toNDArray(manager));
            }
        }
        return TextEncoder.huggingFaceStateDict(renamed);
    }

    /** The prefix p such that p + {@code name} and p + {@code sibling} are both in the file. */
    private static Optional<String> prefixOf(Map<String, TorchTensor> all, String name, String sibling) {
        return all.keySet().stream().filter(k -> k.endsWith(name))
                .map(k -> k.substring(0, k.length() - name.length()))
                .filter(p -> p.isEmpty() || p.endsWith("."))
                .filter(p -> all.containsKey(p + sibling))
                .findFirst();
    }

    private static void load(Block block, Map<String, NDArray> tensors, Path file) throws IOException {
        try {
            StateDict.load(block, tensors);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static NDArray first(Block block) {
        List<Parameter> params = block.getParameters().values();
        if (params.isEmpty() || !params.get(0).isInitialized()) {
            throw new IllegalStateException("initialise the block before loading weights into it");
        }
        return params.get(0).getArray();
    }

    private static String firstNames(Map<String, TorchTensor> all) {
        List<String> names = all.keySet().stream().limit(5).toList();
        return names + (all.size() > 5 ? " and " + (all.size() - 5) + " more" : "");
    }
}
