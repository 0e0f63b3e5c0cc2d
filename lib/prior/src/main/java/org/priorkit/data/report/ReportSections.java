package org.priorkit.data.report;

import org.priorkit.data.DataFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of a free-text radiology report, keyed by their all-caps header ("FINDINGS",
 * "IMPRESSION", ...), in the order they appear. Text before the first header ("FINAL REPORT") is
 * the preamble and is not a section.
 *
 * <p>MIMIC-CXR writes each header at the start of a line, after a newline and a space, followed by
 * a colon: {@code "\n FINDINGS: \n \n PA and lateral views..."}. A header must start its line so
 * that "NOTE: ..." inside a sentence, or a time like "10:30", is never taken for one.
 *
 * @param file where the report came from (for error messages)
 * @param sections header without the colon -> body text (raw, whitespace not yet normalised)
 */
public record ReportSections(Path file, Map<String, String> sections) {

    /** Line start, optional blanks, then a header of capitals (spaces, /, (), &, - inside) and ':'. */
    private static final Pattern HEADER =
            Pattern.compile("(?m)^[ \\t]*([A-Z][A-Z /()&,-]*[A-Z)])[ \\t]*:");

    public ReportSections {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Reads and parses one report file. Empty files and files without any header are errors. */
    public static ReportSections read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "report file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read report: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Splits {@code text} into sections; {@code file} is only used to name errors. */
    public static ReportSections parse(Path file, String text) {
        if (text.isBlank()) {
            throw new DataFormatException(file, null, "empty report");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HEADER.matcher(text);
        String header = null;
        int bodyStart = 0;
        while (m.find()) {
            if (header != null) {
                append(out, header, text.substring(bodyStart, m.start()));
            }
            header = m.group(1).replaceAll("\\s+", " ");
            bodyStart = m.end();
        }
        if (header == null) {
            throw new DataFormatException(file, null, "no section headers (expected lines like"
                    + " ' FINDINGS:' or ' IMPRESSION:')");
        }
        append(out, header, text.substring(bodyStart));
        return new ReportSections(file, out);
    }

    /** A header seen twice (it happens in MIMIC addenda) keeps both bodies, in order. */
    private static void append(Map<String, String> out, String header, String body) {
        out.merge(header, body.strip(), (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "\n\n" + b);
    }

    /** The body of a section if present and not blank. */
    public Optional<String> section(String header) {
        String body = sections.get(header);
        return body == null || body.isBlank() ? Optional.empty() : Optional.of(body);
    }
}
