package org.priorkit.data.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 CSV record reader: comma separated, fields optionally in double quotes,
 * {@code ""} inside quotes is one quote, quoted fields may span lines, LF or CRLF line ends.
 * Each record remembers the line it starts on, for error messages.
 *
 * <p>Why not commons-csv: version 1.14.1, pulled in by DJL's basicdataset, needs commons-io 2.18
 * but DJL's api pins 2.16.1, so it fails at run time with NoClassDefFoundError. The format is
 * simple enough that 80 lines are safer than a dependency fix in every user's build.
 */
final class CsvReader {

    /** One parsed record and the 1-based line it starts on. */
    record Line(long line, List<String> fields) {}

    private final Reader in;
    private long line = 1;
    private int pushedBack = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of input. Blank lines are skipped. */
    Line next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            return record();
        }
    }

    private Line record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new IOException("unterminated quoted field starting on line " + start);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && (field.toString().isBlank()) && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);  // spaces before an opening quote are not data
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c == '\n') {
                    line++;
                }
                return new Line(start, fields);
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
