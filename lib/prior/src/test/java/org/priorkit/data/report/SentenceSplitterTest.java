package org.priorkit.data.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsAtFullStopsAndNormalisesWhitespace() {
        assertEquals(List.of("Heart size is normal.", "No pleural effusion."),
                splitter.split("  Heart size\n is   normal.  No pleural\teffusion. "));
    }

    @Test
    void keepsDecimalsAbbreviationsAndBlanksInsideSentences() {
        assertEquals(List.of("A 1.5 cm nodule, e.g. Granuloma, is seen.",
                        "Dr. Smith was notified at 10:30 by Dr. ___.",
                        "___ is unchanged."),
                splitter.split("A 1.5 cm nodule, e.g. Granuloma, is seen. Dr. Smith was notified at"
                        + " 10:30 by Dr. ___. ___ is unchanged."));
    }

    @Test
    void numberedListItemsBecomeSentencesWithoutTheirNumbers() {
        assertEquals(List.of("No acute process", "Small left effusion.", "Stable cardiomegaly."),
                splitter.split("1. No acute process 2. Small left effusion.\n \n 3. Stable cardiomegaly."));
    }

    @Test
    void aNumberEndingASentenceIsNotAListMarker() {
        assertEquals(List.of("The tube tip is at level T 12.", "The lungs are clear."),
                splitter.split("The tube tip is at level T 12. The lungs are clear."));
    }

    @Test
    void blankLineEndsASentenceWithoutFullStop() {
        assertEquals(List.of("Mild edema", "No pneumothorax."),
                splitter.split("Mild edema\n \n No pneumothorax."));
    }

    @Test
    void questionMarksEndSentencesAndEmptyFragmentsAreDropped() {
        assertEquals(List.of("Pneumonia?", "Cannot exclude."), splitter.split("Pneumonia? Cannot exclude. . ___"));
        assertEquals(List.of(), splitter.split(" \n "));
    }
}
