package org.priorkit.data.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Minimal CSV output: comma separated, "\n" line ends, quotes only where a field needs them. */
final class Csv {

    private Csv() {}

    /** One CSV line (with its newline). */
    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append('\n').toString();
    }

    /** A label value as the real CSVs write it: "1.0", "0.0", "-1.0", or empty for blank. */
    static String label(Double v) {
        return v == null ? "" : v == 1.0 ? "1.0" : v == 0.0 ? "0.0" : "-1.0";
    }

    /** Writes lines as a plain UTF-8 file. */
    static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8);
    }

    /** Writes lines gzipped (Java's gzip header carries no timestamp, so the bytes are reproducible). */
    static void writeGzip(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(String.join("", lines).getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
    }
}
