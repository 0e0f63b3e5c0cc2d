package org.priorkit.notebook;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowsTest {

    @Test
    void columnsTakeTheTypeOfTheirFirstValueAndDecimalsAreRounded() {
        Table t = Rows.titled("detection", "encoder", "images", "steps", "mAP", "frozen")
                .add("PRIOR", 12, 120L, 0.1234567, true)
                .add("random", 12, 120L, Double.NaN, false)
                .table();
        assertEquals("detection", t.name());
        assertEquals(2, t.rowCount());
        assertEquals(ColumnType.STRING, t.column(0).type());
        assertEquals(ColumnType.INTEGER, t.column(1).type());
        assertEquals(ColumnType.LONG, t.column(2).type());
        assertEquals(ColumnType.DOUBLE, t.column(3).type());
        assertEquals(ColumnType.BOOLEAN, t.column(4).type());
        assertEquals(0.123, t.doubleColumn(3).get(0), 0);
        assertTrue(t.doubleColumn(3).isMissing(1), "NaN shows as missing");
        assertEquals(0.1235, Rows.titled("x", "v").digits(4).add(0.1234567).table().doubleColumn(0).get(0), 0);
    }

    @Test
    void columnNamesMayComeFromAList() {
        Table t = Rows.titled("positives", java.util.List.of("split", "Edema", "Effusion")).add("train", 3, 4).table();
        assertEquals(java.util.List.of("split", "Edema", "Effusion"), t.columnNames());
        assertEquals(4, t.intColumn("Effusion").get(0));
    }

    @Test
    void mistakesNameTheTableAndColumn() {
        Rows r = Rows.titled("t", "a", "b");
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> r.add(1));
        assertTrue(count.getMessage().contains("1 values for 2 columns"), count.getMessage());
        r.add(1, "x").add(2.5, "y");
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, r::table);
        assertTrue(type.getMessage().contains("column 'a'"), type.getMessage());
    }
}
