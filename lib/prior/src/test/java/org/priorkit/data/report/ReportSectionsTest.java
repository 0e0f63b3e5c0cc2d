package org.priorkit.data.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorkit.data.DataFormatException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportSectionsTest {

    static Path fixture() throws URISyntaxException {
        return Path.of(ReportSectionsTest.class.getResource("/fixtures/mimic-report-s50414267.txt").toURI());
    }

    @Test
    void readsTheSectionsOfARealLookingMimicReport() throws Exception {
        ReportSections r = ReportSections.read(fixture());
        assertEquals(List.of("EXAMINATION", "INDICATION", "TECHNIQUE", "COMPARISON", "FINDINGS", "IMPRESSION"),
                List.copyOf(r.sections().keySet()));
        assertTrue(r.section("FINDINGS").orElseThrow().startsWith("There is no focal consolidation"));
        assertEquals("None.", r.section("COMPARISON").orElseThrow());
        // "10:30" inside a sentence must not start a section.
        assertTrue(r.section("IMPRESSION").orElseThrow().contains("10:30"));
    }

    @Test
    void priorTextIsImpressionThenFindings() throws Exception {
        List<String> s = PriorText.sentences(ReportSections.read(fixture()), new SentenceSplitter());
        assertEquals("No acute cardiopulmonary process.", s.get(0));
        assertEquals("Nodule measuring 1.5 cm in the right upper lobe, e.g. granuloma; Dr. ___ was"
                + " notified by phone at 10:30 on ___.", s.get(1));
        assertEquals("There is no focal consolidation, pleural effusion or pneumothorax.", s.get(2));
        assertEquals(8, s.size());
        assertTrue(PriorText.longEnough(s, PriorText.MIN_SENTENCES));
    }

    @Test
    void findingsAloneOrImpressionAloneIsEnough() {
        ReportSections onlyImpression = ReportSections.parse(Path.of("r.txt"),
                "FINAL REPORT\n INDICATION: cough\n \n IMPRESSION: No change.  Lungs clear.\n");
        assertEquals(List.of("No change.", "Lungs clear."),
                PriorText.sentences(onlyImpression, new SentenceSplitter()));
        assertFalse(PriorText.longEnough(List.of("a", "b", "c"), 4));
    }

    /** Real MIMIC-CXR headers for the impression that the kit rejected, so one such report stopped a run. */
    @Test
    void theImpressionUnderItsOtherNamesIsFound() {
        for (String header : List.of("FINDINGS AND IMPRESSION", "FINDINGS/IMPRESSION", "FINDINGS / IMPRESSION",
                "CONCLUSION", "IMPRESSON")) {
            ReportSections r = ReportSections.parse(Path.of("s1.txt"),
                    "FINAL REPORT\n INDICATION: cough.\n " + header + ": No acute process. Heart size normal.\n");
            assertEquals("No acute process. Heart size normal.", r.section(PriorText.IMPRESSION).orElseThrow(), header);
            assertEquals(2, PriorText.sentences(r, new SentenceSplitter()).size(), header);
        }
        ReportSections both = ReportSections.parse(Path.of("s2.txt"), " FINDING: Lungs clear.\n IMPRESSION: Normal.\n");
        assertEquals("Lungs clear.", both.section(PriorText.FINDINGS).orElseThrow());
        assertEquals("IMPRESSION", ReportSections.canonical("Findings/ Impression".toUpperCase()));
    }

    @Test
    void emptyReportIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("s50000001.txt"), " \n \n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ReportSections.read(f));
        assertTrue(e.getMessage().contains("s50000001.txt") && e.getMessage().contains("empty report"),
                e.getMessage());
    }

    /** A Latin-1 report said only "Input length = 1"; now the file, the byte and what to do. */
    @Test
    void aReportThatIsNotUtf8NamesTheFileAndTheByte(@TempDir Path dir) throws IOException {
        byte[] latin1 = "FINDINGS: Caf\u00e9 au lait.\nIMPRESSION: Normal.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("s50000003.txt"), latin1);
        DataFormatException e = assertThrows(DataFormatException.class, () -> ReportSections.read(f));
        assertTrue(e.getMessage().contains("s50000003.txt") && e.getMessage().contains("not UTF-8")
                && e.getMessage().contains("byte 13 (0xE9)"), e.getMessage());
        Path ok = Files.write(dir.resolve("s50000004.txt"), "FINDINGS: Caf\u00e9.\nIMPRESSION: Normal.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(ReportSections.read(ok).sections().get("FINDINGS").contains("Caf\u00e9"));
    }

    @Test
    void reportWithoutSectionsIsAnError(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("s50000002.txt"), "FINAL REPORT\n the lungs are clear.\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ReportSections.read(f));
        assertTrue(e.getMessage().contains("s50000002.txt") && e.getMessage().contains("no section headers"),
                e.getMessage());
    }

    @Test
    void reportWithNeitherImpressionNorFindingsIsAnError() {
        ReportSections r = ReportSections.parse(Path.of("s50000003.txt"),
                "FINAL REPORT\n INDICATION: cough\n \n COMPARISON: None.\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> PriorText.sentences(r, new SentenceSplitter()));
        assertTrue(e.getMessage().contains("s50000003.txt") && e.getMessage().contains("neither"), e.getMessage());
    }

    @Test
    void missingReportFileIsAnError(@TempDir Path dir) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ReportSections.read(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
    }
}
