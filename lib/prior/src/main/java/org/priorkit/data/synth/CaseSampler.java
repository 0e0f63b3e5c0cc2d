package org.priorkit.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides what each study contains. One method per kind of data set, because each real set has its own
 * mix: MIMIC/CheXpert studies carry any findings (often several), the 5x200 set needs exactly one
 * competition finding, RSNA is about pneumonia boxes and SIIM about pneumothorax masks.
 */
final class CaseSampler {

    private static final FindingType[] ALL = FindingType.values();

    private CaseSampler() {}

    /**
     * A general study: normal with probability {@code normalFraction}, otherwise one finding drawn
     * uniformly plus co-occurring ones (more of them at higher difficulty).
     *
     * @param allowHedge subtle findings may be reported with uncertainty (labels -1)
     */
    static StudyCase general(SplittableRandom rng, SyntheticConfig cfg, boolean allowHedge) {
        List<FindingSpec> specs = new ArrayList<>();
        if (rng.nextDouble() >= cfg.normalFraction()) {
            FindingType first = ALL[rng.nextInt(ALL.length)];
            specs.add(spec(first, rng, cfg, allowHedge));
            double co = cooccurrence(cfg);
            if (rng.nextDouble() < co) {
                addOther(specs, ALL[rng.nextInt(ALL.length)], rng, cfg, allowHedge);
            }
            if (rng.nextDouble() < co / 3) {
                addOther(specs, ALL[rng.nextInt(ALL.length)], rng, cfg, allowHedge);
            }
            if (first == FindingType.EDEMA && rng.nextDouble() < 0.3) {   // heart failure picture
                addOther(specs, FindingType.PLEURAL_EFFUSION, rng, cfg, allowHedge);
            }
        }
        return patient(rng, cfg, specs, true);
    }

    /** Exactly one finding of {@code type}, stated with certainty and no device (CheXpert 5x200 rows). */
    static StudyCase single(SplittableRandom rng, SyntheticConfig cfg, FindingType type) {
        return patient(rng, cfg, List.of(spec(type, rng, cfg, false)), false);
    }

    /** An RSNA study: pneumonia in one or two foci, or normal / another abnormality. */
    static StudyCase rsna(SplittableRandom rng, SyntheticConfig cfg, boolean positive) {
        List<FindingSpec> specs = new ArrayList<>();
        if (positive) {
            FindingSpec first = spec(FindingType.PNEUMONIA, rng, cfg, false);
            specs.add(first);
            if (rng.nextDouble() < 0.35) {                  // a second focus, often in the other lung
                Side side = rng.nextDouble() < 0.7 ? opposite(first.side()) : first.side();
                Zone zone = side == first.side() ? otherZone(first.zone(), rng) : randomZone(rng);
                FindingSpec s = spec(FindingType.PNEUMONIA, rng, cfg, false);
                specs.add(new FindingSpec(s.type(), side, zone, s.severity(), s.extent(), false));
            }
            if (rng.nextDouble() < cooccurrence(cfg) / 2) {
                addOther(specs, pick(rng, FindingType.PLEURAL_EFFUSION, FindingType.CARDIOMEGALY,
                        FindingType.ATELECTASIS), rng, cfg, false);
            }
        } else if (rng.nextDouble() < 0.45) {               // "No Lung Opacity / Not Normal"
            specs.add(spec(pick(rng, FindingType.CARDIOMEGALY, FindingType.PLEURAL_EFFUSION,
                    FindingType.PNEUMOTHORAX), rng, cfg, false));
        }
        return patient(rng, cfg, specs, true);
    }

    /** A SIIM study: a pneumothorax (rarely on both sides), or normal / another finding. */
    static StudyCase siim(SplittableRandom rng, SyntheticConfig cfg, boolean positive) {
        List<FindingSpec> specs = new ArrayList<>();
        if (positive) {
            FindingSpec first = spec(FindingType.PNEUMOTHORAX, rng, cfg, false);
            specs.add(first);
            if (rng.nextDouble() < 0.05) {
                FindingSpec s = spec(FindingType.PNEUMOTHORAX, rng, cfg, false);
                specs.add(new FindingSpec(s.type(), opposite(first.side()), s.zone(), s.severity(),
                        s.extent(), false));
            }
            if (rng.nextDouble() < cooccurrence(cfg) / 2) {
                addOther(specs, pick(rng, FindingType.PLEURAL_EFFUSION, FindingType.ATELECTASIS,
                        FindingType.CONSOLIDATION), rng, cfg, false);
            }
        } else if (rng.nextDouble() < 0.4) {
            FindingType t;
            do {
                t = ALL[rng.nextInt(ALL.length)];
            } while (t == FindingType.PNEUMOTHORAX);
            specs.add(spec(t, rng, cfg, false));
        }
        return patient(rng, cfg, specs, true);
    }

    /** Draws location, severity and extent of one finding of {@code type}. */
    static FindingSpec spec(FindingType type, SplittableRandom rng, SyntheticConfig cfg, boolean allowHedge) {
        Side lateral = rng.nextBoolean() ? Side.LEFT : Side.RIGHT;
        double u = rng.nextDouble();
        Side side;
        Zone zone;
        switch (type) {
            case CARDIOMEGALY -> { side = Side.BILATERAL; zone = Zone.LOWER; }
            case EDEMA -> { side = Side.BILATERAL; zone = Zone.MIDDLE; }
            case PLEURAL_EFFUSION -> { side = u < 0.25 ? Side.BILATERAL : lateral; zone = Zone.LOWER; }
            case PNEUMOTHORAX -> { side = lateral; zone = Zone.UPPER; }
            case ATELECTASIS -> { side = lateral; zone = u < 0.7 ? Zone.LOWER : Zone.MIDDLE; }
            default -> { side = lateral; zone = randomZone(rng); }
        }
        boolean subtle = rng.nextDouble() < cfg.subtleFraction();
        double severity = subtle ? 0.05 + 0.24 * rng.nextDouble() : 0.3 + 0.7 * rng.nextDouble();
        double extent = Math.min(1, Math.max(0.05, severity + 0.2 * rng.nextGaussian()));
        boolean hedged = allowHedge && subtle && rng.nextDouble() < 0.5;
        return new FindingSpec(type, side, zone, severity, extent, hedged);
    }

    private static StudyCase patient(SplittableRandom rng, SyntheticConfig cfg, List<FindingSpec> specs,
                                     boolean allowDevice) {
        boolean female = rng.nextBoolean();
        int age = 18 + rng.nextInt(72);
        String view = rng.nextDouble() < 0.35 ? "AP" : "PA";
        Anatomy anatomy = Anatomy.sample(rng, cfg.difficulty(), female);
        Device device = Device.NONE;
        if (allowDevice && rng.nextDouble() < 0.06 + 0.1 * cfg.difficulty() + (view.equals("AP") ? 0.1 : 0)) {
            device = rng.nextBoolean() ? Device.CENTRAL_LINE : Device.ET_TUBE;
        }
        double tip = Math.round(25 + 40 * rng.nextDouble()) / 10.0;     // 2.5 .. 6.5 cm, one decimal
        return new StudyCase(anatomy, specs, device, tip, view, female ? "Female" : "Male", age);
    }

    /** Adds a finding of {@code type} unless one is already there. */
    private static void addOther(List<FindingSpec> specs, FindingType type, SplittableRandom rng,
                                 SyntheticConfig cfg, boolean allowHedge) {
        if (specs.stream().noneMatch(s -> s.type() == type)) {
            specs.add(spec(type, rng, cfg, allowHedge));
        }
    }

    /** Probability that a further finding joins the first. */
    private static double cooccurrence(SyntheticConfig cfg) {
        return 0.15 + 0.35 * cfg.difficulty();
    }

    private static FindingType pick(SplittableRandom rng, FindingType... types) {
        return types[rng.nextInt(types.length)];
    }

    private static Zone randomZone(SplittableRandom rng) {
        return Zone.values()[rng.nextInt(3)];
    }

    private static Zone otherZone(Zone z, SplittableRandom rng) {
        return Zone.values()[(z.ordinal() + 1 + rng.nextInt(2)) % 3];
    }

    private static Side opposite(Side s) {
        return s == Side.LEFT ? Side.RIGHT : Side.LEFT;
    }
}
