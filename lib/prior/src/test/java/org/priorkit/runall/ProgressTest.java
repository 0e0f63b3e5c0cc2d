package org.priorkit.runall;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @Test
    void eachLineNamesTheRungAndTheTimeSinceThePreviousOne() {
        List<String> out = new ArrayList<>();
        Consumer<String> p = Progress.timed("PRIOR", out::add);
        p.accept("CheXpert probe at 1%: AUROC 0.800");
        p.accept("RSNA probe at 1%: AUROC 0.900");
        assertEquals(2, out.size());
        assertTrue(out.get(0).matches("  PRIOR: CheXpert probe at 1%: AUROC 0\\.800 \\(\\d+\\.\\d s\\)"), out.get(0));
        assertTrue(out.get(1).startsWith("  PRIOR: RSNA probe at 1%: AUROC 0.900 ("), out.get(1));
    }
}
