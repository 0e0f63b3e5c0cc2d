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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every notebook under notebooks/ must hold, read from the files (the kernel runs them in CI). */
class NotebookFilesTest {

    static final Path NOTEBOOKS = Path.of("../../notebooks");

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static final Path SOLUTIONS = NOTEBOOKS.resolve("solutions");

    static JsonArray cells(Path notebook) throws IOException {
        return JsonParser.parseString(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells");
    }

    /** The cell's tags (metadata.tags), empty when it has none. */
    static List<String> tags(JsonElement cell) {
        JsonObject meta = cell.getAsJsonObject().getAsJsonObject("metadata");
        List<String> out = new ArrayList<>();
        if (meta != null && meta.has("tags")) {
            meta.getAsJsonArray("tags").forEach(t -> out.add(t.getAsString()));
        }
        return out;
    }

    static List<String> sources(Path notebook) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonElement cell : cells(notebook)) {
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

    /**
     * Every notebook but 00 has one exercise: a cell tagged "exercise" holding a stub that throws "exercise not
     * done yet", and after it a cell tagged "check" that calls it. solutions/ has the same notebook cell for cell,
     * except that the exercise cell holds a solution (CI runs both: the check must fail on the stub and pass on
     * the solution).
     */
    @Test
    void everyExerciseHasAStubACheckAndASolutionNotebookInStep() throws IOException {
        int exercises = 0;
        for (Path nb : notebooks()) {
            JsonArray cells = cells(nb);
            List<Integer> exercise = new ArrayList<>();
            List<Integer> check = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (tags(cells.get(i)).contains("exercise")) exercise.add(i);
                if (tags(cells.get(i)).contains("check")) check.add(i);
            }
            String name = nb.getFileName().toString();
            if (name.startsWith("00-")) {
                assertTrue(exercise.isEmpty() && check.isEmpty(), name + " has no exercise");
                continue;
            }
            assertEquals(1, exercise.size(), name + ": one cell tagged exercise");
            assertEquals(1, check.size(), name + ": one cell tagged check");
            assertTrue(exercise.get(0) < check.get(0), name + ": the check comes after the exercise");
            List<String> student = sources(nb);
            assertTrue(student.get(exercise.get(0)).contains("exercise not done yet"), name + ": the stub must say so");
            Path solutionFile = SOLUTIONS.resolve(name);
            assertTrue(Files.isRegularFile(solutionFile), "no solutions/" + name);
            JsonArray solvedCells = cells(solutionFile);
            List<String> solved = sources(solutionFile);
            assertEquals(student.size(), solved.size(), "solutions/" + name + " has another number of cells");
            for (int i = 0; i < student.size(); i++) {
                assertEquals(cells.get(i).getAsJsonObject().get("cell_type"), solvedCells.get(i).getAsJsonObject().get("cell_type"),
                        "solutions/" + name + " cell " + i + " type");
                assertEquals(tags(cells.get(i)), tags(solvedCells.get(i)), "solutions/" + name + " cell " + i + " tags");
                if (i == exercise.get(0)) {
                    assertNotEquals(student.get(i), solved.get(i), "solutions/" + name + ": the exercise is not solved");
                    assertFalse(solved.get(i).contains("exercise not done yet"), "solutions/" + name + " still holds the stub");
                } else {
                    assertEquals(student.get(i), solved.get(i), "solutions/" + name + " cell " + i
                            + " differs from the student's notebook (only the exercise cell may)");
                }
            }
            exercises++;
        }
        assertEquals(13, exercises);
        try (Stream<Path> files = Files.list(SOLUTIONS)) {
            for (Path p : files.toList()) {
                assertTrue(Files.isRegularFile(NOTEBOOKS.resolve(p.getFileName())), "solutions/" + p.getFileName() + " has no notebook");
            }
        }
    }
}
