package org.priorkit.text.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of BERT's special tokens in one vocabulary. Their ids differ between vocabularies (Bio_ClinicalBERT:
 * [PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103), so they are looked up, never assumed.
 */
public record SpecialTokens(int pad, int unk, int cls, int sep, int mask) {

    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String MASK = "[MASK]";

    /** In the order {@link VocabularyBuilder} writes them first. */
    public static final List<String> ALL = List.of(PAD, UNK, CLS, SEP, MASK);

    public SpecialTokens {
        if (pad < 0 || unk < 0 || cls < 0 || sep < 0 || mask < 0) {
            throw new IllegalArgumentException("special token ids must be >= 0");
        }
    }

    /** Looks the five tokens up; a vocabulary missing any of them is rejected with their names. */
    public static SpecialTokens of(Vocabulary vocabulary) {
        List<String> missing = new ArrayList<>();
        for (String token : ALL) {
            if (!vocabulary.contains(token)) {
                missing.add(token);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("vocabulary lacks special tokens " + missing);
        }
        return new SpecialTokens(vocabulary.id(PAD).getAsInt(), vocabulary.id(UNK).getAsInt(),
                vocabulary.id(CLS).getAsInt(), vocabulary.id(SEP).getAsInt(), vocabulary.id(MASK).getAsInt());
    }
}
