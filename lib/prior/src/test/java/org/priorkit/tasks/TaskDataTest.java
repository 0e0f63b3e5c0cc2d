package org.priorkit.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.LoadedRecords;
import org.priorkit.data.mimic.MimicLayout;
import org.priorkit.data.mimic.MimicTree;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The share of unreadable records a task's real data may have (kit classify ... --max-bad). */
class TaskDataTest {

    @Test
    void aShareOutsideZeroToOneIsRefused(@TempDir Path root) {
        for (double share : new double[] {-0.01, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TaskData(root, share));
            assertTrue(e.getMessage().contains("--max-bad must be between 0 and 1"), e.getMessage());
        }
        assertEquals(LoadedRecords.DEFAULT_MAX_BAD, new TaskData(root).maxBad(), "the default is pretrain's");
    }

    /** MIMIC in the real layout (no synthetic truth file): one of its two usable studies has lost its report. */
    @Test
    void realDataSkipsAnUnreadableRecordWithinTheShareAndStopsPastIt(@TempDir Path root) throws Exception {
        MimicLayout layout = MimicTree.standard(root).write(true);
        Files.delete(layout.report(19999999, 59999999));

        assertEquals(1, new TaskData(root, 0.5).mimicPairs().size(), "1 bad of 2 records is 50%: skipped");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskData(root, 0.01).mimicPairs());
        assertTrue(e.getMessage().contains("too many unreadable records") && e.getMessage().contains("s59999999.txt")
                && e.getMessage().contains("--max-bad 1.00%"), e.getMessage());
    }
}
