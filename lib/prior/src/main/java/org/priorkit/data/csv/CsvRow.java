package org.priorkit.data.csv;

import org.priorkit.data.DataFormatException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV table, with typed getters whose errors name the file, the line and the
 * column, so a malformed value is found in seconds.
 *
 * @param file the table the row came from
 * @param line 1-based line number in the file (the header is line 1)
 * @param header column name -> field index (shared by all rows of the file)
 * @param fields the trimmed fields of this row
 */
public record CsvRow(Path file, long line, Map<String, Integer> header, List<String> fields) {

    /** The text of a column, trimmed; empty when blank. */
    public String text(String column) {
        Integer i = header.get(column);
        if (i == null) {
            throw error(column, "no such column; the header has " + header.keySet());
        }
        return i < fields.size() ? fields.get(i) : "";
    }

    /** A column that must not be blank. */
    public String required(String column) {
        String s = text(column);
        if (s.isEmpty()) {
            throw error(column, "is blank");
        }
        return s;
    }

    /** A whole number. */
    public long longValue(String column) {
        String s = required(column);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            // Some exports write ids as 10000032.0; accept an integral decimal.
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
            throw error(column, "'" + s + "' is not a whole number");
        }
    }

    /** A finite number. */
    public float floatValue(String column) {
        String s = required(column);
        try {
            float f = Float.parseFloat(s);
            if (!Float.isFinite(f)) {
                throw error(column, "'" + s + "' is not a finite number");
            }
            return f;
        } catch (NumberFormatException e) {
            throw error(column, "'" + s + "' is not a number");
        }
    }

    /** A CheXpert-style label: 1, 0, -1 (also written 1.0, 0.0, -1.0), or blank which gives null. */
    public Float labelOrBlank(String column) {
        String s = text(column);
        if (s.isEmpty()) {
            return null;
        }
        float f;
        try {
            f = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw error(column, "label '" + s + "' is not 1, 0, -1 or blank");
        }
        if (f != 1f && f != 0f && f != -1f) {
            throw error(column, "label '" + s + "' is not 1, 0, -1 or blank");
        }
        return f;
    }

    /** An error about one field of this row. */
    public DataFormatException error(String column, String problem) {
        return new DataFormatException(file, "line " + line + ", column '" + column + "'", problem);
    }

    /** An error about this row as a whole. */
    public DataFormatException error(String problem) {
        return new DataFormatException(file, "line " + line, problem);
    }
}
