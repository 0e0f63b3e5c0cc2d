package org.priorkit.data.mimic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.config.PriorConfig;
import org.priorkit.pretrain.PretrainJob;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pretraining on real data skips and counts an unreadable report instead of stopping, up to --max-bad. */
class BadRecordsOnRealDataTest {

    /** Four training studies in the real layout (no synthetic truth file); the last report has no sections. */
    static Path tree(Path root) throws Exception {
        MimicTree t = new MimicTree(root);
        for (int i = 0; i < 4; i++) {
            long subject = 10000100 + i;
            long study = 50000100 + i;
            t.image("img-" + i, subject, study, "PA", "train")
                    .report(subject, study, i < 3 ? MimicTree.LONG_REPORT : "garbled: no section headers at all\n");
        }
        t.write(true);
        return root;
    }

    @Test
    void oneBadReportIsSkippedAndCountedUnlessItIsOverTheBudget(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("mimic"));
        PretrainJob lenient = new PretrainJob(root, dir.resolve("run"), PriorConfig.tiny(), null, 0, 0.5, null);
        assertEquals(3, lenient.trainPairs().size(), "the three readable studies train");

        PretrainJob strict = new PretrainJob(root, dir.resolve("run"), PriorConfig.tiny(), null, 0, 0.01, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, strict::trainPairs);
        assertTrue(e.getMessage().contains("too many unreadable records") && e.getMessage().contains("s50000103.txt")
                && e.getMessage().contains("--max-bad 1.00%"), e.getMessage());
    }
}
