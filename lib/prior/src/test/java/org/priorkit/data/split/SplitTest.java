package org.priorkit.data.split;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitTest {

    record Img(String patient, int id, boolean positive) {}

    /** 100 patients with 1 to 3 images each; every 10th image positive. */
    static List<Img> images() {
        List<Img> out = new ArrayList<>();
        int id = 0;
        for (int p = 0; p < 100; p++) {
            for (int k = 0; k <= p % 3; k++) {
                out.add(new Img("p" + p, id, id % 10 == 0));
                id++;
            }
        }
        return out;
    }

    static Set<String> patients(List<Img> xs) {
        return xs.stream().map(Img::patient).collect(Collectors.toSet());
    }

    @Test
    void fractionsReadAsPercentages() {
        assertEquals("1%", DataFraction.ONE_PERCENT.label());
        assertEquals("10%", DataFraction.TEN_PERCENT.label());
        assertEquals("100%", DataFraction.ALL.label());
        assertEquals("2.5%", DataFraction.parse("2.5%").label());
    }

    @Test
    void noPatientIsInTwoSplitsAndRatiosHold() {
        List<Img> all = images();
        Splits<Img> s = PatientSplitter.split(all, Img::patient, SplitRatios.PRIOR, 7);
        Set<String> tr = patients(s.train());
        Set<String> va = patients(s.val());
        Set<String> te = patients(s.test());
        assertEquals(60, tr.size());
        assertEquals(20, va.size());
        assertEquals(20, te.size());
        Set<String> union = new HashSet<>(tr);
        union.addAll(va);
        union.addAll(te);
        assertEquals(100, union.size());  // disjoint: 60 + 20 + 20 = 100 distinct
        assertEquals(all.size(), s.train().size() + s.val().size() + s.test().size());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<Img> all = images();
        assertEquals(PatientSplitter.split(all, Img::patient, SplitRatios.PRIOR, 1),
                PatientSplitter.split(all, Img::patient, SplitRatios.PRIOR, 1));
        assertNotEquals(PatientSplitter.split(all, Img::patient, SplitRatios.PRIOR, 1).test(),
                PatientSplitter.split(all, Img::patient, SplitRatios.PRIOR, 2).test());
    }

    @Test
    void tinySetsKeepATrainingPatient() {
        List<Img> two = List.of(new Img("a", 0, false), new Img("b", 1, false));
        Splits<Img> s = PatientSplitter.split(two, Img::patient, new SplitRatios(1, 1, 1), 0);
        assertTrue(s.train().size() >= 1);
    }

    @Test
    void fractionsAreSeededAtLeastOneAndStratified() {
        List<Img> all = images();  // 199 images, 20 positive
        List<Img> one = FractionSampler.sample(all, DataFraction.parse("1%"), 3, i -> "" + i.positive());
        assertEquals(2, one.size());
        List<Img> ten = FractionSampler.sample(all, DataFraction.TEN_PERCENT, 3, i -> "" + i.positive());
        assertEquals(20, ten.size());
        assertEquals(2, ten.stream().filter(Img::positive).count());  // 10% of the 20 positives
        assertEquals(ten, FractionSampler.sample(all, DataFraction.TEN_PERCENT, 3, i -> "" + i.positive()));
        assertEquals(all, FractionSampler.sample(all, DataFraction.ALL, 3));
        List<Img> tiny = FractionSampler.sample(all.subList(0, 5), DataFraction.ONE_PERCENT, 3);
        assertEquals(1, tiny.size());
        List<Integer> ids = ten.stream().map(Img::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids);  // input order kept
        assertNotEquals(ids, FractionSampler.sample(all, DataFraction.TEN_PERCENT, 4).stream()
                .map(Img::id).toList());
    }

    @Test
    void badFractionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DataFraction.parse("0%"));
        assertThrows(IllegalArgumentException.class, () -> DataFraction.parse("150%"));
        assertThrows(IllegalArgumentException.class, () -> DataFraction.parse("ten"));
        assertEquals(0.1, DataFraction.parse("10%").value(), 1e-12);
    }
}
