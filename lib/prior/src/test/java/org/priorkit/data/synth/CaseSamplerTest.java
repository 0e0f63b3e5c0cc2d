package org.priorkit.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Class balance, subtle fraction and co-occurrence follow the configuration. */
class CaseSamplerTest {

    @Test
    void generalStudiesFollowTheConfiguredBalance() {
        SyntheticConfig cfg = SyntheticConfig.defaults().withNormalFraction(0.4).withSubtleFraction(0.3);
        int n = 4000, normal = 0, findings = 0, subtle = 0, multi = 0;
        Map<FindingType, Integer> first = new EnumMap<>(FindingType.class);
        for (int i = 0; i < n; i++) {
            StudyCase c = CaseSampler.general(new SplittableRandom(RandomStreams.of(1, RandomStreams.MIMIC, i)), cfg, true);
            if (c.findings().isEmpty()) {
                normal++;
                continue;
            }
            first.merge(c.findings().get(0).type(), 1, Integer::sum);
            multi += c.findings().size() > 1 ? 1 : 0;
            for (FindingSpec f : c.findings()) {
                findings++;
                subtle += f.subtle() ? 1 : 0;
            }
        }
        assertEquals(0.4, normal / (double) n, 0.03);
        assertEquals(0.3, subtle / (double) findings, 0.03);
        double perType = (n - normal) / 7.0;
        for (FindingType t : FindingType.values()) {
            assertEquals(perType, first.get(t), 0.2 * perType, t.name());
        }
        assertTrue(multi > 0.2 * (n - normal), "co-occurring findings at the default difficulty: " + multi);
    }

    @Test
    void singleLabelCasesHaveExactlyOneCertainFindingAndNoDevice() {
        SyntheticConfig cfg = SyntheticConfig.defaults();
        for (int i = 0; i < 200; i++) {
            FindingType t = FindingType.COMPETITION[i % 5];
            StudyCase c = CaseSampler.single(new SplittableRandom(i), cfg, t);
            assertEquals(1, c.findings().size());
            assertEquals(t, c.findings().get(0).type());
            assertTrue(!c.findings().get(0).hedged() && c.device() == Device.NONE);
        }
    }

    @Test
    void configRejectsOutOfRangeSettings() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticConfig.defaults().withDifficulty(1.5));
        assertThrows(IllegalArgumentException.class, () -> SyntheticConfig.defaults().withImageSize(16));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(1, 64, 0.5, 0.2, 0.3, 10, 0.1,
                10, 5, 3, 5, 0.5, 5, 0.5, 0.1));   // 5x3 single-label rows do not fit 10 train rows
        assertEquals(7, SyntheticConfig.defaults().withSeed(7).seed());
    }
}
