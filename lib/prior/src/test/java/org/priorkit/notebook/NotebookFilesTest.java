package org.priorkit.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every notebook under notebooks/ must hold, read from the files (the kernel runs them in CI). */
class NotebookFilesTest {

    static final Path NOTEBOOKS = Path.of("../../notebooks");

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static List<String> sources(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<String> out = new ArrayList<>();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonElement src = cell.getAsJsonObject().get("source");
            StringBuilder sb = new StringBuilder();
            if (src.isJsonArray()) {
                for (JsonElement line : (JsonArray) src) {
                    sb.append(line.getAsString());
                }
            } else {
                sb.append(src.getAsString());
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void everyNotebookIsFound() throws IOException {
        assertEquals(14, notebooks().size(), "notebooks under " + NOTEBOOKS.toAbsolutePath());
    }

    /** A LaTeX "\frac" once saved as "\f" + "rac" (a form feed): formulas broke silently. */
    @Test
    void noControlCharactersInAnyCell() throws IOException {
        for (Path nb : notebooks()) {
            List<String> cells = sources(nb);
            for (int i = 0; i < cells.size(); i++) {
                String s = cells.get(i);
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    assertTrue(ch >= 0x20 || ch == '\n' || ch == '\t',
                            nb.getFileName() + " cell " + i + " has control character U+"
                                    + String.format("%04X", (int) ch) + " at " + k);
                }
            }
        }
    }

    @Test
    void everyNotebookOpensWithThePaperAndTheArchitectureFigure() throws IOException {
        for (Path nb : notebooks()) {
            List<String> first = sources(nb).subList(0, 3);
            String head = String.join("\n", first);
            assertTrue(head.contains("arXiv 2307.12577"), nb.getFileName() + " does not cite the paper first");
            assertTrue(head.contains("ArchitectureFigure.draw("), nb.getFileName() + " does not show the figure first");
        }
    }
}
