package org.priorkit.data.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {

    static List<CsvRow> rows(Path f, String... required) {
        List<CsvRow> out = new ArrayList<>();
        CsvTable.forEach(f, List.of(required), BadRecords.failFast(), out::add);
        return out;
    }

    @Test
    void quotesCommasDoubledQuotesAndMultiLineFieldsWithTrueLineNumbers(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"),
                "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",2\n\n3,4\n");
        List<CsvRow> r = rows(f, "a", "b");
        assertEquals(3, r.size());
        assertEquals("x, y", r.get(0).text("a"));
        assertEquals("say \"hi\"", r.get(0).text("b"));
        assertEquals("two\nlines", r.get(1).text("a"));
        assertEquals(List.of(2L, 3L, 6L), r.stream().map(CsvRow::line).toList());
    }

    @Test
    void readsGzipAndSiimsSpacedHeader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("ImageId, EncodedPixels\n1.2.3, -1\n".getBytes(StandardCharsets.UTF_8));
        }
        List<CsvRow> r = rows(f, "ImageId", "EncodedPixels");
        assertEquals("-1", r.get(0).text("EncodedPixels"));
        assertEquals(List.of("ImageId", "EncodedPixels"), CsvTable.header(f));
        assertEquals(f, CsvTable.resolve(dir, "t"));
    }

    @Test
    void unterminatedQuoteIsAFileErrorEvenWhenSkipping(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n\"open,3\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvTable.forEach(f, List.of("a"), BadRecords.skipping(), r -> { }));
        assertTrue(e.getMessage().contains("t.csv") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void typedGettersNameFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "id,x\n12,\n1.5e,3\n");
        List<CsvRow> r = rows(f, "id", "x");
        assertEquals(12L, r.get(0).longValue("id"));
        DataFormatException blank = assertThrows(DataFormatException.class, () -> r.get(0).floatValue("x"));
        assertTrue(blank.getMessage().contains("t.csv, line 2, column 'x': is blank"), blank.getMessage());
        DataFormatException nan = assertThrows(DataFormatException.class, () -> r.get(1).longValue("id"));
        assertTrue(nan.getMessage().contains("line 3, column 'id'"), nan.getMessage());
        assertThrows(DataFormatException.class, () -> rows(dir.resolve("none.csv"), "id"));
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        assertThrows(DataFormatException.class, () -> rows(empty, "id"));
    }
}
