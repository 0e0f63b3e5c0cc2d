package org.priorkit.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionHistoryTest {

    private static SessionHistory threeCells() {
        SessionHistory h = new SessionHistory();
        h.record(1, "int x = 6;", null);
        h.record(2, "x * 7", "42");
        h.record(3, "x * 7", "42");
        return h;
    }

    private static List<Integer> numbers(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    @Test
    void tailRangeAndSearchFindTheRightCells() {
        SessionHistory h = threeCells();
        Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);
        assertEquals(List.of(2, 3), numbers(h.lookupTail(2, none)));
        assertEquals(List.of(1, 2, 3), numbers(h.lookupTail(10, none)));
        assertEquals(List.of(2), numbers(h.lookupRange(SessionHistory.SESSION, 2, 3, none)));
        assertEquals(List.of(1, 2), numbers(h.lookupRange(0, 1, 3, none)), "session 0 is the current one");
        assertEquals(List.of(), h.lookupRange(7, 1, 3, none), "another session has nothing");
        assertEquals(List.of(2, 3), numbers(h.search("x *", 0, none)));
        assertEquals(List.of(3), numbers(h.search("x *", 0, EnumSet.of(ResultFlag.UNIQUE))), "the latest of equal inputs");
        assertEquals(List.of(1), numbers(h.search("int ? = 6;", 0, none))); // a glob matches the whole input
        assertEquals(List.of(3), numbers(h.search("*", 1, none)));
    }

    @Test
    void outputsOnlyWhenAskedFor() {
        SessionHistory h = threeCells();
        assertNull(h.lookupTail(1, EnumSet.noneOf(ResultFlag.class)).get(0).getOutput());
        assertEquals("42", h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }
}
