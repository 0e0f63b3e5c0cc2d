package org.priorkit.text.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportEncoderTest {

    // ids: [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4, then the words below from 5
    private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(Vocabulary.of(List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "no", "effusion", "small", "left", "pleural", ".",
            "heart", "normal", "is")), true);
    private static final List<String> REPORT = List.of(
            "No effusion.",               // no effusion .          -> 3 tokens
            "Small left pleural effusion.", //                       -> 5 tokens
            "Heart is normal.");          //                         -> 4 tokens

    @Test
    void layoutWithSentenceIndices() {
        ReportEncoding e = new ReportEncoder(TOKENIZER, 16).encode(REPORT);
        assertArrayEquals(new int[] {2, 5, 6, 10, 7, 8, 9, 6, 10, 11, 13, 12, 10, 3, 0, 0}, e.ids());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, e.attentionMask());
        assertArrayEquals(new int[] {-1, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, -1, -1, -1}, e.sentenceIndex());
        assertEquals(3, e.sentences());
        assertEquals(14, e.realLength());
    }

    @Test
    void wholeSentencesOnlyDropsTheOneThatDoesNotFit() {
        // 12 positions: [CLS] + 3 + 5 = 9, the third sentence (4) would need 13 with [SEP]
        ReportEncoding e = new ReportEncoder(TOKENIZER, 12).encode(REPORT);
        assertArrayEquals(new int[] {2, 5, 6, 10, 7, 8, 9, 6, 10, 3, 0, 0}, e.ids());
        assertArrayEquals(new int[] {-1, 0, 0, 0, 1, 1, 1, 1, 1, -1, -1, -1}, e.sentenceIndex());
        assertEquals(2, e.sentences());
    }

    @Test
    void cutLastKeepsTheFirstTokensOfTheCrossingSentenceAndTheFinalSep() {
        ReportEncoding e = new ReportEncoder(TOKENIZER, 12, SentenceTruncation.CUT_LAST).encode(REPORT);
        assertArrayEquals(new int[] {2, 5, 6, 10, 7, 8, 9, 6, 10, 11, 13, 3}, e.ids());
        assertArrayEquals(new int[] {-1, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, -1}, e.sentenceIndex());
        assertEquals(3, e.sentences());
    }

    @Test
    void aTooLongFirstSentenceIsCutRatherThanLost() {
        ReportEncoding e = new ReportEncoder(TOKENIZER, 4).encode(REPORT);
        assertArrayEquals(new int[] {2, 5, 6, 3}, e.ids());
        assertArrayEquals(new int[] {-1, 0, 0, -1}, e.sentenceIndex());
        assertEquals(1, e.sentences());
    }

    @Test
    void blankSentencesAreSkippedAndNotNumbered() {
        ReportEncoding e = new ReportEncoder(TOKENIZER, 8).encode(List.of(" ", "No effusion.", "", "Heart is normal."));
        assertArrayEquals(new int[] {-1, 0, 0, 0, -1, -1, -1, -1}, e.sentenceIndex()); // 2nd sentence needs 4
        assertEquals(1, e.sentences());
        ReportEncoding empty = new ReportEncoder(TOKENIZER, 4).encode(List.of());
        assertArrayEquals(new int[] {2, 3, 0, 0}, empty.ids());
        assertEquals(0, empty.sentences());
    }

    @Test
    void batchStacksRows() {
        ReportBatch batch = new ReportEncoder(TOKENIZER, 16).encodeBatch(List.of(REPORT, List.of("No effusion.")));
        assertEquals(2, batch.ids().length);
        assertEquals(16, batch.ids()[1].length);
        assertArrayEquals(new int[] {3, 1}, batch.sentences());
        assertEquals(3, batch.maxSentences());
        assertArrayEquals(new int[] {2, 5, 6, 10, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, batch.ids()[1]);
    }
}
