package org.priorkit.data.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.priorkit.data.BadRecords;
import org.priorkit.data.DataFormatException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the rows of a CSV table (plain or gzip, detected from the first bytes) with a header
 * check up front and per-row errors routed through a {@link BadRecords} policy.
 *
 * <p>Header names and values are trimmed, so SIIM's {@code "ImageId, EncodedPixels"} header (with
 * its space) and {@code " -1"} values read like their unspaced forms.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

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
        try (Reader reader = open(file); CSVParser parser = CSVParser.builder()
                .setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            checkHeader(file, header, requiredColumns);
            long rows = 0;
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long lineBefore = parser.getCurrentLineNumber();
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    // A broken quote desynchronises the parser: nothing after it can be trusted.
                    throw new DataFormatException(file, "near line " + (lineBefore + 1),
                            "cannot parse CSV: " + e.getCause().getMessage(), e);
                }
                rows++;
                CsvRow row = new CsvRow(file, lineBefore + 1, record);
                try {
                    if (record.size() != header.size()) {
                        throw row.error("has " + record.size() + " field(s), the header has "
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
            throw new DataFormatException(file, null, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports duplicate or malformed headers this way.
            throw new DataFormatException(file, "line 1", "bad header: " + e.getMessage(), e);
        }
    }

    /** The header of a table, trimmed, without reading its rows. */
    public static List<String> header(Path file) {
        try (Reader reader = open(file); CSVParser parser = CSVParser.builder()
                .setReader(reader).setFormat(FORMAT).get()) {
            return new ArrayList<>(parser.getHeaderNames());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
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

    private static void checkHeader(Path file, List<String> header, List<String> required) {
        for (String column : required) {
            if (!header.contains(column)) {
                throw new DataFormatException(file, "line 1 (header)", "missing column '" + column
                        + "'; the header has " + header);
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
