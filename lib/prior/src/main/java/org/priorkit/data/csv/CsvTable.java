package org.priorkit.data.csv;

import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of a CSV table (plain or gzip, detected from the first bytes) with a header
 * check up front and per-row errors routed through a {@link BadRecords} policy.
 *
 * <p>Parsing is {@link CsvReader}'s (RFC 4180). Header names and values are trimmed, so SIIM's {@code "ImageId, EncodedPixels"} header (with
 * its space) and {@code " -1"} values read like their unspaced forms.
 */
public final class CsvTable {

    private CsvTable() {}

    /**
     * Calls {@code action} for each data row. A missing required column fails at once (the whole
     * file is unusable); a row with the wrong number of fields, or any {@link DataFormatException}
     * thrown by {@code action}, goes to {@code bad}.
     *
     * @return the number of data rows seen (good and bad)
     */
    public static long forEach(Path file, List<String> requiredColumns, BadRecords bad,
                               Consumer<CsvRow> action) {
        try (Reader reader = open(file)) {
            CsvReader csv = new CsvReader(reader);
            Map<String, Integer> header = header(file, csv.next());
            checkHeader(file, header, requiredColumns);
            long rows = 0;
            for (CsvReader.Line line = csv.next(); line != null; line = csv.next()) {
                rows++;
                CsvRow row = new CsvRow(file, line.line(), header, trimmed(line.fields()));
                try {
                    if (line.fields().size() != header.size()) {
                        throw row.error("has " + line.fields().size() + " field(s), the header has "
                                + header.size());
                    }
                    action.accept(row);
                } catch (DataFormatException e) {
                    bad.handle(e);
                }
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            // Includes an unterminated quote: nothing after it can be trusted, so never skipped.
            throw new DataFormatException(file, null, "cannot read CSV: " + e.getMessage(), e);
        }
    }

    /** The header of a table (trimmed names), without reading its rows. */
    public static List<String> header(Path file) {
        try (Reader reader = open(file)) {
            return List.copyOf(header(file, new CsvReader(reader).next()).keySet());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read CSV: " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> header(Path file, CsvReader.Line first) {
        if (first == null) {
            throw new DataFormatException(file, "line 1", "empty file, expected a header line");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> names = trimmed(first.fields());
        for (int i = 0; i < names.size(); i++) {
            if (index.putIfAbsent(names.get(i), i) != null) {
                throw new DataFormatException(file, "line " + first.line() + " (header)",
                        "duplicate column '" + names.get(i) + "'");
            }
        }
        return index;
    }

    private static List<String> trimmed(List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (String f : fields) {
            // A UTF-8 byte order mark would otherwise glue itself to the first column name.
            out.add(f.replace("\uFEFF", "").strip());
        }
        return out;
    }

    /**
     * {@code dir/base.csv.gz} if it exists, else {@code dir/base.csv}; the .gz name (the official
     * one) when neither exists, so the "file not found" error names what to download.
     */
    public static Path resolve(Path dir, String base) {
        Path gz = dir.resolve(base + ".csv.gz");
        if (Files.exists(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base + ".csv");
        return Files.exists(plain) ? plain : gz;
    }

    private static void checkHeader(Path file, Map<String, Integer> header, List<String> required) {
        for (String column : required) {
            if (!header.containsKey(column)) {
                throw new DataFormatException(file, "line 1 (header)", "missing column '" + column
                        + "'; the header has " + header.keySet());
            }
        }
    }

    /** Opens a table as UTF-8 text, un-gzipping when the file starts with the gzip magic bytes. */
    static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
