package org.priorkit.data.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a report from the truth of a study. Every positive sentence names the finding's side, zone and
 * severity as drawn ("small left pleural effusion", "dense right upper lobe consolidation"), so a model
 * can align sentences with image regions. Absent findings are sometimes negated ("No pleural effusion or
 * pneumothorax."), normal structures sometimes stated, and sentence order and count vary.
 *
 * <p>Labels are read off what was written, as the CheXpert labeler does on real reports: a positive
 * sentence gives 1.0, a hedged one ("possible ...") -1.0, a negation 0.0, and silence leaves a blank.
 */
final class ReportWriter {

    private static final String[] INDICATIONS = {
        "shortness of breath.", "cough and fever, evaluate for pneumonia.", "chest pain.",
        "hypoxia.  // eval for pneumothorax", "fever.", "dyspnea on exertion.", "pre-operative evaluation.",
        "fall, evaluate for acute process."};

    private ReportWriter() {}

    /** Writes the report of {@code c}; {@code withFindings} false gives an impression-only report. */
    public static Report write(StudyCase c, SplittableRandom rng, boolean withFindings) {
        Map<ChexpertLabel, Double> labels = new EnumMap<>(ChexpertLabel.class);
        List<Report.Sentence> body = new ArrayList<>();
        List<Report.Sentence> impression = new ArrayList<>();
        List<FindingSpec> fs = c.findings();
        for (int k = 0; k < fs.size(); k++) {
            FindingSpec f = fs.get(k);
            body.add(new Report.Sentence(positive(f, rng), k));
            impression.add(new Report.Sentence(summary(f, rng), k));
            labels.merge(f.type().column(), f.hedged() ? -1.0 : 1.0, Math::max);
            if (f.type() == FindingType.PNEUMONIA) {
                labels.put(ChexpertLabel.LUNG_OPACITY, 1.0);
            }
        }
        negations(c, rng, body, labels);
        if (c.device() != Device.NONE) {
            body.add(new Report.Sentence(device(c, rng), -1));
            labels.put(ChexpertLabel.SUPPORT_DEVICES, 1.0);
        }
        shuffle(body, rng);
        if (fs.isEmpty()) {
            impression.add(new Report.Sentence(pick(rng, "No acute cardiopulmonary process.",
                    "No acute intrathoracic abnormality.", "No acute cardiopulmonary abnormality.",
                    "Normal chest radiograph."), -1));
        } else if ((c.has(FindingType.PNEUMOTHORAX) || c.has(FindingType.PNEUMONIA)) && rng.nextDouble() < 0.5) {
            int hour = 1 + rng.nextInt(11), minute = 5 * rng.nextInt(12);
            String time = String.format(Locale.ROOT, "%d:%02d %s", hour, minute, rng.nextBoolean() ? "a.m." : "p.m.");
            impression.add(new Report.Sentence(pick(rng,
                    "Findings were discussed with Dr. ___ by telephone at " + time + " on ___.",
                    "Dr. ___ was notified of the findings at " + time + "."), -1));
        }
        boolean noFinding = labels.entrySet().stream().noneMatch(e -> e.getValue() != 0.0
                && e.getKey() != ChexpertLabel.SUPPORT_DEVICES);
        if (noFinding) {
            labels.put(ChexpertLabel.NO_FINDING, 1.0);
        }
        if (!withFindings) {
            impression.addAll(body);
            body.clear();
        }
        return new Report(body, impression, labels);
    }

    /** A clinical indication line (the real ones are anonymised with "___"). */
    public static String indication(SplittableRandom rng) {
        return INDICATIONS[rng.nextInt(INDICATIONS.length)];
    }

    /** The FINDINGS sentence of one finding. */
    static String positive(FindingSpec f, SplittableRandom rng) {
        String sev = severity(f, rng);
        String side = f.side().word();
        String s = switch (f.type()) {
            case PLEURAL_EFFUSION -> f.side() == Side.BILATERAL
                    ? pick(rng, "There are " + sev + " bilateral pleural effusions.",
                    "Bilateral " + sev + " pleural effusions are present, blunting both costophrenic angles.")
                    : pick(rng, "There is a " + sev + " " + side + " pleural effusion.",
                    "Blunting of the " + side + " costophrenic angle is consistent with a " + sev + " effusion.",
                    "A " + sev + " " + side + " pleural effusion layers at the " + side + " base.");
            case PNEUMOTHORAX -> pick(rng, "There is a " + sev + " " + side + " apical pneumothorax.",
                    "A " + cm(f) + " cm " + side + " apical pneumothorax is present.",
                    "A " + sev + " " + side + " pneumothorax is seen at the apex, with a visible pleural line.");
            case CONSOLIDATION -> pick(rng, "There is " + sev + " consolidation in the " + lobe(f, rng) + ".",
                    capital(sev) + " " + lobe(f, rng) + " consolidation is present, with air bronchograms.",
                    capital(sev) + " opacity in the " + lobe(f, rng) + " is consistent with consolidation.");
            case PNEUMONIA -> pick(rng, capital(sev) + " opacity in the " + lobe(f, rng)
                            + " is concerning for pneumonia.",
                    "There is " + sev + " airspace opacity in the " + lobe(f, rng) + ", compatible with pneumonia.",
                    capital(sev) + " " + lobe(f, rng) + " opacities are consistent with pneumonia.");
            case ATELECTASIS -> pick(rng, capital(sev) + " plate-like atelectasis at the " + side + " lung "
                            + zoneNoun(f) + ".",
                    "There is " + sev + " " + side + " " + zoneAdjective(f) + " atelectasis"
                            + (f.severity() > 0.6 ? " with elevation of the " + side + " hemidiaphragm." : "."),
                    "A " + sev + " linear opacity in the " + side + " " + zoneAdjective(f)
                            + " lung reflects atelectasis.");
            case EDEMA -> pick(rng, "There is " + sev + " pulmonary edema.",
                    capital(sev) + " bilateral perihilar haziness is consistent with pulmonary edema.",
                    "There is " + sev + " interstitial pulmonary edema with perihilar predominance.");
            case CARDIOMEGALY -> pick(rng, "The heart is " + adverb(f) + " enlarged.",
                    capital(sev) + " cardiomegaly is present.",
                    "There is " + sev + " enlargement of the cardiac silhouette.");
        };
        return f.hedged() ? hedge(f, rng) : s;
    }

    /** The IMPRESSION phrase of one finding: short, with the same location and severity words. */
    static String summary(FindingSpec f, SplittableRandom rng) {
        String sev = severity(f, rng), side = f.side().word();
        String s = switch (f.type()) {
            case PLEURAL_EFFUSION -> f.side() == Side.BILATERAL ? capital(sev) + " bilateral pleural effusions."
                    : capital(sev) + " " + side + " pleural effusion.";
            case PNEUMOTHORAX -> capital(sev) + " " + side + " apical pneumothorax.";
            case CONSOLIDATION -> capital(lobe(f, rng)) + " consolidation.";
            case PNEUMONIA -> pick(rng, capital(lobe(f, rng)) + " pneumonia.",
                    capital(sev) + " " + lobe(f, rng) + " opacity concerning for pneumonia.");
            case ATELECTASIS -> capital(sev) + " " + side + " " + zoneAdjective(f) + " atelectasis.";
            case EDEMA -> capital(sev) + " pulmonary edema.";
            case CARDIOMEGALY -> capital(sev) + " cardiomegaly.";
        };
        return f.hedged() ? hedge(f, rng) : s;
    }

    /** An uncertain phrasing, which CheXpert-style labelers mark -1. */
    private static String hedge(FindingSpec f, SplittableRandom rng) {
        String side = f.side().word();
        return switch (f.type()) {
            case PLEURAL_EFFUSION -> f.side() == Side.BILATERAL ? "Possible trace bilateral pleural effusions."
                    : "Possible trace " + side + " pleural effusion.";
            case PNEUMOTHORAX -> "A tiny " + side + " apical pneumothorax cannot be excluded.";
            case CONSOLIDATION -> "Subtle opacity in the " + lobe(f, rng) + " may represent early consolidation.";
            case PNEUMONIA -> "Faint " + lobe(f, rng) + " opacity, possibly early pneumonia.";
            case ATELECTASIS -> "Minimal " + side + " " + zoneAdjective(f) + " opacity, possibly atelectasis.";
            case EDEMA -> "Possible mild pulmonary edema.";
            case CARDIOMEGALY -> "The heart size is borderline, possibly mildly enlarged.";
        };
    }

    /** Negations of some absent findings and normal statements; sets the matching labels to 0.0. */
    private static void negations(StudyCase c, SplittableRandom rng, List<Report.Sentence> out,
                                  Map<ChexpertLabel, Double> labels) {
        boolean effusion = c.has(FindingType.PLEURAL_EFFUSION), ptx = c.has(FindingType.PNEUMOTHORAX);
        if (!effusion && !ptx && rng.nextDouble() < 0.85) {
            say(out, labels, pick(rng, "No pleural effusion or pneumothorax.",
                    "There is no pleural effusion or pneumothorax.", "No pneumothorax or pleural effusion is seen."),
                    ChexpertLabel.PLEURAL_EFFUSION, ChexpertLabel.PNEUMOTHORAX);
        } else if (!effusion && rng.nextDouble() < 0.7) {
            say(out, labels, pick(rng, "No pleural effusion.", "There is no pleural effusion."),
                    ChexpertLabel.PLEURAL_EFFUSION);
        } else if (!ptx && rng.nextDouble() < 0.7) {
            say(out, labels, pick(rng, "No pneumothorax is seen.", "There is no pneumothorax."),
                    ChexpertLabel.PNEUMOTHORAX);
        }
        boolean airspace = c.has(FindingType.CONSOLIDATION) || c.has(FindingType.PNEUMONIA);
        if (!airspace && rng.nextDouble() < 0.7) {
            if (rng.nextDouble() < 0.3) {
                say(out, labels, "No focal consolidation to suggest pneumonia.", ChexpertLabel.CONSOLIDATION,
                        ChexpertLabel.PNEUMONIA);
            } else {
                say(out, labels, pick(rng, "There is no focal consolidation.", "No focal consolidation is seen."),
                        ChexpertLabel.CONSOLIDATION);
            }
        }
        if (!c.has(FindingType.EDEMA) && rng.nextDouble() < 0.5) {
            say(out, labels, pick(rng, "No pulmonary edema.", "There is no pulmonary edema.",
                    "No evidence of pulmonary edema."), ChexpertLabel.EDEMA);
        }
        if (!c.has(FindingType.CARDIOMEGALY) && rng.nextDouble() < 0.9) {
            if (rng.nextBoolean()) {
                say(out, labels, pick(rng, "The cardiomediastinal silhouette is normal.",
                        "Cardiac and mediastinal contours are within normal limits."),
                        ChexpertLabel.CARDIOMEGALY, ChexpertLabel.ENLARGED_CARDIOMEDIASTINUM);
            } else {
                say(out, labels, pick(rng, "Heart size is normal.", "The heart size is within normal limits."),
                        ChexpertLabel.CARDIOMEGALY);
            }
        }
        boolean lungFinding = airspace || ptx || c.has(FindingType.EDEMA) || c.has(FindingType.ATELECTASIS);
        if (!lungFinding && rng.nextDouble() < 0.5) {
            say(out, labels, pick(rng, "The lungs are clear.", "The lungs are well expanded and clear."));
        }
        if (rng.nextDouble() < 0.35) {
            if (rng.nextBoolean()) {
                say(out, labels, "No displaced rib fracture is seen.", ChexpertLabel.FRACTURE);
            } else {
                say(out, labels, pick(rng, "No acute osseous abnormality.", "The osseous structures are intact."));
            }
        }
    }

    private static void say(List<Report.Sentence> out, Map<ChexpertLabel, Double> labels, String text,
                            ChexpertLabel... negated) {
        out.add(new Report.Sentence(text, -1));
        for (ChexpertLabel l : negated) {
            labels.putIfAbsent(l, 0.0);
        }
    }

    private static String device(StudyCase c, SplittableRandom rng) {
        if (c.device() == Device.ET_TUBE) {
            String cm = String.format(Locale.ROOT, "%.1f", c.tubeTipCm());
            return pick(rng, "The endotracheal tube terminates " + cm + " cm above the carina.",
                    "ET tube tip is " + cm + " cm above the carina.");
        }
        return pick(rng, "A right internal jugular central venous catheter terminates in the mid SVC.",
                "Right IJ central line tip is in the SVC.");
    }

    /** Size of a pneumothorax at the apex in cm, from the same extent the painter uses. */
    static String cm(FindingSpec f) {
        double units = FindingPainter.pneumothoraxGap(f.extent());
        return String.format(Locale.ROOT, "%.1f", units * StudyCase.CM_PER_UNIT);
    }

    /** Severity words in three bands (subtle, moderate, marked), several synonyms each. */
    static String severity(FindingSpec f, SplittableRandom rng) {
        int band = f.severity() < FindingSpec.SUBTLE ? 0 : f.severity() < 0.65 ? 1 : 2;
        String[][] words = switch (f.type()) {
            case PLEURAL_EFFUSION -> new String[][] {{"small", "trace", "tiny"},
                {"moderate", "small to moderate"}, {"large", "moderate to large"}};
            case PNEUMOTHORAX -> new String[][] {{"tiny", "small"}, {"moderate", "moderate-sized"}, {"large"}};
            case EDEMA, CARDIOMEGALY -> new String[][] {{"mild", "minimal"}, {"moderate"}, {"severe", "marked"}};
            case CONSOLIDATION -> new String[][] {{"subtle", "faint"}, {"focal", "moderate"}, {"dense", "extensive"}};
            case PNEUMONIA -> new String[][] {{"subtle", "faint"}, {"patchy", "moderate"}, {"extensive", "dense"}};
            case ATELECTASIS -> new String[][] {{"minimal", "mild"}, {"moderate"}, {"extensive", "substantial"}};
        };
        return pick(rng, words[band]);
    }

    private static String adverb(FindingSpec f) {
        return f.severity() < FindingSpec.SUBTLE ? "mildly" : f.severity() < 0.65 ? "moderately" : "markedly";
    }

    /** Lobe or region of an airspace finding; always names the side and the zone. */
    static String lobe(FindingSpec f, SplittableRandom rng) {
        String side = f.side().word();
        return switch (f.zone()) {
            case UPPER -> pick(rng, side + " upper lobe", side + " upper lung");
            case MIDDLE -> f.side() == Side.RIGHT ? pick(rng, "right middle lobe", "right mid lung")
                    : pick(rng, "left mid lung", "left perihilar mid lung");
            case LOWER -> pick(rng, side + " lower lobe", side + " lung base", side + " basilar lung");
        };
    }

    private static String zoneAdjective(FindingSpec f) {
        return switch (f.zone()) {
            case UPPER -> "upper";
            case MIDDLE -> "mid";
            case LOWER -> "basilar";
        };
    }

    private static String zoneNoun(FindingSpec f) {
        return switch (f.zone()) {
            case UPPER -> "apex";
            case MIDDLE -> "mid zone";
            case LOWER -> "base";
        };
    }

    private static void shuffle(List<Report.Sentence> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Report.Sentence t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom rng, T... options) {
        return options[rng.nextInt(options.length)];
    }
}
