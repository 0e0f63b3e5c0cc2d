package org.priorkit.data.augment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LateralitySwapTest {

    @Test
    void swapsSidesKeepingCase() {
        assertEquals("small right pleural effusion", LateralitySwap.swap("small left pleural effusion"));
        assertEquals("Right. Left base: clear; RIGHT apex", LateralitySwap.swap("Left. Right base: clear; LEFT apex"));
        assertEquals("right-sided PICC ends in the left brachiocephalic vein",
                LateralitySwap.swap("left-sided PICC ends in the right brachiocephalic vein"));
        assertEquals("Rightward shift; leftmost rib; Levoscoliosis",
                LateralitySwap.swap("Leftward shift; rightmost rib; Dextroscoliosis"));
    }

    @Test
    void leavesWordsThatOnlyContainTheLetters() {
        String untouched = "Upright PA view: cleft in the bright area, L and R markers, copyright.";
        assertEquals(untouched, LateralitySwap.swap(untouched));
    }

    @Test
    void swapTwiceIsIdentity() {
        List<String> report = List.of("Left lower lobe opacity.", "The right costophrenic angle is sharp.");
        assertEquals(report, LateralitySwap.swap(LateralitySwap.swap(report)));
    }
}
