package org.priorkit.kernel.magic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;

/** The code cells of a notebook file, for {@code %load other.ipynb}. */
final class NotebookCode {

    private NotebookCode() {}

    static String of(String notebookJson) {
        List<String> cells = new ArrayList<>();
        for (JsonElement cell : JsonParser.parseString(notebookJson).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code")) {
                JsonElement source = c.get("source");
                if (source.isJsonArray()) {
                    StringBuilder text = new StringBuilder();
                    source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
                    cells.add(text.toString());
                } else {
                    cells.add(source.getAsString());
                }
            }
        }
        return String.join("\n", cells);
    }
}
