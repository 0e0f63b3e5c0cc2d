package org.priorkit.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each finding must change the pixels inside its own mask, in the direction its signature says. */
class FindingPainterTest {

    static final int SIZE = 128;

    @ParameterizedTest
    @EnumSource(FindingType.class)
    void findingChangesItsRegionComparedWithTheSameChestWithoutIt(FindingType type) {
        SyntheticConfig cfg = SyntheticConfig.defaults();
        double sumDiff = 0;
        int cases = 8;
        for (int k = 0; k < cases; k++) {
            SplittableRandom rng = new SplittableRandom(100 + k);
            StudyCase normal = CaseSampler.general(rng, cfg.withNormalFraction(1), false);
            FindingSpec drawn = CaseSampler.spec(type, rng, cfg, false);
            FindingSpec s = new FindingSpec(type, drawn.side(), drawn.zone(), 0.7, 0.7, false);
            StudyCase sick = new StudyCase(normal.anatomy(), List.of(s), Device.NONE, 3, normal.view(),
                    normal.sex(), normal.age());
            RenderedImage with = ImageRenderer.render(sick, SIZE, cfg.difficulty(), k);
            RenderedImage without = ImageRenderer.render(sick.withoutFindings(), SIZE, cfg.difficulty(), k);
            Finding f = with.findings().get(0);
            assertTrue(f.area() > 0, type + " drew no pixels");
            double in = 0, base = 0;
            for (int p = 0; p < SIZE * SIZE; p++) {
                if (f.mask()[p]) {
                    in += with.pixels()[p] & 0xff;
                    base += without.pixels()[p] & 0xff;
                }
            }
            sumDiff += (in - base) / f.area();
        }
        double meanDiff = sumDiff / cases;
        if (type == FindingType.PNEUMOTHORAX) {
            assertTrue(meanDiff < -2, "a pneumothorax is darker (no lung markings): " + meanDiff);
        } else {
            assertTrue(meanDiff > 8, type + " should brighten its region: " + meanDiff);
        }
    }

    /**
     * The tiny preset pretrains on 64 px images: a moderate pneumothorax must show there as a dark pleural
     * gap of a few pixels, or pretraining cannot tie "apical pneumothorax" to anything it sees.
     */
    @org.junit.jupiter.api.Test
    void aModeratePneumothoraxIsVisibleAtThePretrainingSize() {
        int size = 64;
        SyntheticConfig cfg = SyntheticConfig.defaults();
        double area = 0, darkening = 0;
        int cases = 8;
        for (int k = 0; k < cases; k++) {
            SplittableRandom rng = new SplittableRandom(200 + k);
            StudyCase normal = CaseSampler.general(rng, cfg.withNormalFraction(1), false);
            FindingSpec s = new FindingSpec(FindingType.PNEUMOTHORAX, k % 2 == 0 ? Side.LEFT : Side.RIGHT, Zone.UPPER,
                    0.5, 0.4, false);
            StudyCase sick = new StudyCase(normal.anatomy(), List.of(s), Device.NONE, 3, normal.view(),
                    normal.sex(), normal.age());
            RenderedImage with = ImageRenderer.render(sick, size, cfg.difficulty(), k);
            RenderedImage without = ImageRenderer.render(sick.withoutFindings(), size, cfg.difficulty(), k);
            Finding f = with.findings().get(0);
            double diff = 0;
            for (int p = 0; p < size * size; p++) {
                if (f.mask()[p]) {
                    diff += (with.pixels()[p] & 0xff) - (without.pixels()[p] & 0xff);
                }
            }
            area += f.area();
            darkening += diff / Math.max(1, f.area());
        }
        assertTrue(area / cases >= 40, "mean pneumothorax area at 64 px: " + area / cases + " pixels");
        assertTrue(darkening / cases <= -8, "mean darkening inside the gap: " + darkening / cases + " gray levels");
    }

    @ParameterizedTest
    @EnumSource(value = FindingType.class, names = {"CARDIOMEGALY", "EDEMA"}, mode = EnumSource.Mode.EXCLUDE)
    void lateralizedMasksSitOnTheImageSideOfThePatientsSide(FindingType type) {
        SyntheticConfig cfg = SyntheticConfig.defaults();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            SplittableRandom rng = new SplittableRandom(7);
            StudyCase normal = CaseSampler.general(rng, cfg.withNormalFraction(1), false);
            FindingSpec s = new FindingSpec(type, side, type == FindingType.PNEUMOTHORAX ? Zone.UPPER : Zone.LOWER,
                    0.6, 0.6, false);
            StudyCase c = new StudyCase(normal.anatomy(), List.of(s), Device.NONE, 3, "PA", "Male", 50);
            Finding f = ImageRenderer.render(c, SIZE, cfg.difficulty(), 1).findings().get(0);
            double cx = 0;
            for (int p = 0; p < SIZE * SIZE; p++) {
                cx += f.mask()[p] ? p % SIZE : 0;
            }
            cx /= f.area();
            // PA convention: the patient's LEFT is on the image's RIGHT
            assertEquals(side == Side.LEFT, cx > SIZE / 2.0, type + " on the " + side + " centred at x=" + cx);
        }
    }

    @ParameterizedTest
    @EnumSource(Zone.class)
    void zonesGoDownTheLung(Zone zone) {
        SyntheticConfig cfg = SyntheticConfig.defaults();
        SplittableRandom rng = new SplittableRandom(3);
        StudyCase normal = CaseSampler.general(rng, cfg.withNormalFraction(1), false);
        double previous = -1;
        for (Zone z : Zone.values()) {
            FindingSpec s = new FindingSpec(FindingType.CONSOLIDATION, Side.RIGHT, z, 0.6, 0.4, false);
            StudyCase c = new StudyCase(normal.anatomy(), List.of(s), Device.NONE, 3, "PA", "Male", 50);
            Box b = ImageRenderer.render(c, SIZE, cfg.difficulty(), 1).findings().get(0).box();
            double cy = b.y() + b.height() / 2.0;
            assertTrue(cy > previous, z + " should lie below the zone above it");
            previous = cy;
        }
    }
}
