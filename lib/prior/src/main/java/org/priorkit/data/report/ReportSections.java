package org.priorkit.data.report;

import org.priorkit.data.DataFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    /** Runs of blanks, and a slash with its blanks: compiled once, as {@link #canonical} sees every header. */
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern SLASH = Pattern.compile(" ?/ ?");

    public ReportSections {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Reads and parses one report file. Empty files and files without any header are errors. */
    public static ReportSections read(Path file) {
        String text;
        try {
            text = utf8(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "report file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read report: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** {@code bytes} as UTF-8 text; otherwise an error naming the first byte that is not (the JDK's says "Input length = 1"). */
    static String utf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new DataFormatException(file, null, String.format(Locale.ROOT,
                    "not UTF-8 text: byte %d (0x%02X) starts no UTF-8 character; save the report as UTF-8",
                    in.position(), bytes[in.position()] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
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

    /**
     * Other names real MIMIC-CXR reports give a section, and their misspellings, mapped to the section they
     * are: the impression headed "FINDINGS AND IMPRESSION", "FINDINGS/IMPRESSION" or "CONCLUSION", and so on.
     * The same mapping as MIT-LCP's mimic-cxr section parser, for the two sections PRIOR reads.
     */
    static final Map<String, String> ALIASES = aliases();

    private static Map<String, String> aliases() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String h : List.of("FINDINGS AND IMPRESSION", "FINDINGS/IMPRESSION", "IMPRESSIONS", "CONCLUSION",
                "CONCLUSIONS", "IMPRESSON", "IMPRRESSION", "IMORESSION", "IMPRESSOIN", "IMPRSSION", "IMPRESION",
                "IMPERSSION", "MPRESSION", "IMPESSION")) {
            m.put(h, "IMPRESSION");
        }
        for (String h : List.of("FINDING", "FINDINS", "FINDINDGS", "FINDGINGS", "FINDNGS", "FINDNINGS", "FINIDNGS",
                "REFERENCE FINDINGS", "CHEST, TWO VIEWS")) {
            m.put(h, "FINDINGS");
        }
        return Collections.unmodifiableMap(m);
    }

    /** The section a header names: itself, or what {@link #ALIASES} maps it to ("FINDINGS / IMPRESSION" too). */
    public static String canonical(String header) {
        String h = SLASH.matcher(BLANKS.matcher(header.strip()).replaceAll(" ")).replaceAll("/");
        return ALIASES.getOrDefault(h, h);
    }

    /**
     * The body of a section if present and not blank, found under its own name or any alias
     * ({@link #canonical}); several such headers give their bodies in order.
     */
    public Optional<String> section(String header) {
        String wanted = canonical(header);
        String body = sections.entrySet().stream().filter(e -> canonical(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue).filter(b -> !b.isBlank()).collect(Collectors.joining("\n\n"));
        return body.isBlank() ? Optional.empty() : Optional.of(body);
    }
}
