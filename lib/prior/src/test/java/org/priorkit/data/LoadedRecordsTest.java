package org.priorkit.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadedRecordsTest {

    private static LoadedRecords<String> withSkips(int good, int bad) {
        BadRecords skips = BadRecords.skipping();
        for (int i = 0; i < bad; i++) {
            skips.handle(new DataFormatException(Path.of("r" + i + ".txt"), null, "no section headers"));
        }
        return new LoadedRecords<>(java.util.Collections.nCopies(good, "ok"), Map.of(), skips);
    }

    @Test
    void skippedRecordsAreFineUpToTheBudgetAndAnErrorPastIt() {
        assertEquals(List.of("ok", "ok"), withSkips(2, 0).within(0.0, "data"), "nothing skipped: any budget");
        assertEquals(99, withSkips(99, 1).within(0.01, "data").size(), "1 of 100 is 1%: allowed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withSkips(98, 2).within(0.01, "data"));
        assertTrue(e.getMessage().contains("data") && e.getMessage().contains("r0.txt") && e.getMessage().contains("2.00%")
                && e.getMessage().contains("--max-bad 1.00%"), e.getMessage());
    }
}
