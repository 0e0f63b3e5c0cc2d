package org.priorkit.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reports carry location and severity, negate absent findings, and give labels that match the truth. */
class ReportWriterTest {

    static final SyntheticConfig CFG = SyntheticConfig.defaults();

    @Test
    void positiveSentencesNameSideZoneAndSeverity() {
        FindingSpec effusion = new FindingSpec(FindingType.PLEURAL_EFFUSION, Side.LEFT, Zone.LOWER, 0.1, 0.2, false);
        FindingSpec consolidation = new FindingSpec(FindingType.CONSOLIDATION, Side.RIGHT, Zone.UPPER, 0.9, 0.8, false);
        for (int seed = 0; seed < 50; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            String e = ReportWriter.positive(effusion, rng).toLowerCase(Locale.ROOT);
            assertTrue(e.contains("left") && !e.contains("right"), e);
            assertTrue(e.matches(".*\\b(small|trace|tiny)\\b.*"), "subtle effusion is small: " + e);
            String c = ReportWriter.positive(consolidation, rng).toLowerCase(Locale.ROOT);
            assertTrue(c.contains("right upper"), c);
            assertTrue(c.matches(".*\\b(dense|extensive)\\b.*"), "severe consolidation: " + c);
        }
    }

    @Test
    void normalStudiesAreNegatedAndLabelledNoFinding() {
        StudyCase c = CaseSampler.general(new SplittableRandom(1), CFG.withNormalFraction(1), false);
        boolean sawNegation = false;
        for (int seed = 0; seed < 30; seed++) {
            Report r = ReportWriter.write(c.withoutFindings(), new SplittableRandom(seed), true);
            String text = String.join(" ", r.sentences().stream().map(Report.Sentence::text).toList());
            sawNegation |= text.contains("No pleural effusion or pneumothorax.");
            assertEquals(1.0, r.labels().get(ChexpertLabel.NO_FINDING));
            for (FindingType t : FindingType.values()) {
                Double v = r.labels().get(t.column());
                assertTrue(v == null || v == 0.0, t + " " + v);
            }
            assertTrue(r.impression().get(0).text().startsWith("No acute") || text.contains("Normal chest"));
        }
        assertTrue(sawNegation);
    }

    @Test
    void labelsAreReadOffWhatWasWritten() {
        FindingSpec hedged = new FindingSpec(FindingType.ATELECTASIS, Side.RIGHT, Zone.LOWER, 0.1, 0.1, true);
        FindingSpec sure = new FindingSpec(FindingType.PNEUMOTHORAX, Side.LEFT, Zone.UPPER, 0.8, 0.8, false);
        StudyCase base = CaseSampler.general(new SplittableRandom(2), CFG.withNormalFraction(1), false);
        StudyCase c = new StudyCase(base.anatomy(), List.of(hedged, sure), Device.ET_TUBE, 4.5, "AP", "Male", 60);
        Report r = ReportWriter.write(c, new SplittableRandom(3), true);
        assertEquals(-1.0, r.labels().get(ChexpertLabel.ATELECTASIS));
        assertEquals(1.0, r.labels().get(ChexpertLabel.PNEUMOTHORAX));
        assertEquals(1.0, r.labels().get(ChexpertLabel.SUPPORT_DEVICES));
        assertFalse(r.labels().containsKey(ChexpertLabel.NO_FINDING));
        String text = r.text(c.view(), c.sex(), c.age(), "cough.");
        assertTrue(text.contains("4.5 cm above the carina"), text);
        assertTrue(text.contains("\n FINDINGS:\n") && text.contains("\n IMPRESSION:\n"), text);
        assertFalse(text.contains("pneumothorax or pleural effusion"), "no negation of a present finding");
    }

    @Test
    void mostReportsHaveFourSentencesAndSomeExerciseASentenceSplitter() {
        int n = 600, four = 0, doctor = 0, decimal = 0;
        for (int i = 0; i < n; i++) {
            StudyCase c = CaseSampler.general(new SplittableRandom(RandomStreams.of(5, RandomStreams.MIMIC, i)), CFG, true);
            Report r = ReportWriter.write(c, new SplittableRandom(i), true);
            four += r.sentences().size() >= 4 ? 1 : 0;
            String text = r.text(c.view(), c.sex(), c.age(), "cough.");
            doctor += text.contains("Dr. ") ? 1 : 0;
            decimal += text.matches("(?s).*\\d\\.\\d cm.*") ? 1 : 0;
        }
        assertTrue(four > 0.8 * n, "reports with >= 4 sentences: " + four);
        assertTrue(four < n, "some reports are short, as PRIOR's filter expects");
        assertTrue(doctor > 0 && decimal > 0, doctor + " with Dr., " + decimal + " with decimals");
    }

    @Test
    void sentenceOrderVaries() {
        StudyCase c = CaseSampler.general(new SplittableRandom(4), CFG.withNormalFraction(1), false);
        String first = ReportWriter.write(c, new SplittableRandom(0), true).findings().get(0).text();
        boolean differs = false;
        for (int seed = 1; seed < 20 && !differs; seed++) {
            differs = !ReportWriter.write(c, new SplittableRandom(seed), true).findings().get(0).text().equals(first);
        }
        assertTrue(differs);
    }
}
