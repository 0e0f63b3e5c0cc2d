package org.priorkit.pretrain;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.image.ImageLoader;
import org.priorkit.data.image.ImageSources;
import org.priorkit.data.image.Normalization;
import org.priorkit.data.mimic.MimicIndex;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicPair;
import org.priorkit.data.synth.SyntheticConfig;
import org.priorkit.data.synth.SyntheticGenerator;
import org.priorkit.text.tokenizer.ReportEncoder;
import org.priorkit.text.tokenizer.VocabularyBuilder;
import org.priorkit.text.tokenizer.WordPieceTokenizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A downstream task must see an image exactly as pretraining saw it without augmentation: same
 * resize (the antialiased one), same normalisation, bit for bit. Shrinking and enlarging both.
 */
class SamePixelsTest {

    @Test
    void aTaskSeesThePixelsPretrainingSaw(@TempDir Path dir) throws Exception {
        SyntheticGenerator.generate(SyntheticConfig.tiny(), dir); // 64 px images
        List<MimicPair> pairs = MimicIndex.load(MimicIndex.Options.prior(MimicLayout.find(dir))).records().subList(0, 3);
        List<String> sentences = new ArrayList<>();
        pairs.forEach(p -> sentences.addAll(p.sentences()));
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(new VocabularyBuilder(1, true).build(sentences), true);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int size : new int[] {32, 64, 100}) {
                ImageReportSamples pretraining = new ImageReportSamples(pairs, ImageSources.defaults(), size, false,
                        Normalization.PRIOR, new ReportEncoder(tokenizer, 32), 4);
                ImageLoader task = ImageLoader.square(size);
                for (int i = 0; i < pairs.size(); i++) {
                    float[] seen = pretraining.get(m, i, 7).get(0).toFloatArray(); // (1, size, size)
                    assertArrayEquals(seen, task.load(pairs.get(i).image()), size + " px, pair " + i);
                }
            }
        }
    }
}
