package org.priorkit.tasks.zeroshot;

import org.priorkit.data.chexpert.ChexpertClasses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class prompts of zero-shot classification: for each class, one or more texts. Each text is
 * encoded as a report of its own (usually one sentence); a class with several texts is their
 * ensemble (see {@link ZeroShot}). Classes keep the map's order, which is the order of the scores.
 *
 * @param byClass class name to its prompts, in class order
 */
public record Prompts(Map<String, List<String>> byClass) {

    public Prompts {
        if (byClass.isEmpty()) {
            throw new IllegalArgumentException("no classes");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byClass.forEach((k, v) -> {
            if (v.isEmpty() || v.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("class '" + k + "' needs at least one non-blank prompt");
            }
            copy.put(k, List.copyOf(v));
        });
        byClass = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> classes() {
        return List.copyOf(byClass.keySet());
    }

    /** One template per class, "{class}" replaced by the lower-cased class name. */
    public static Prompts template(List<String> classes, String template) {
        if (!template.contains("{class}")) {
            throw new IllegalArgumentException("template needs a {class} placeholder: " + template);
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        classes.forEach(c -> m.put(c, List.of(template.replace("{class}", c.toLowerCase(java.util.Locale.ROOT)))));
        return new Prompts(m);
    }

    /** PRIOR's prompt on the 5 competition classes: "&lt;class&gt; is observed". */
    public static Prompts prior() {
        return template(ChexpertClasses.COMPETITION, "{class} is observed");
    }

    /**
     * GLoRIA-style ensembles: for each class a few radiology phrasings, each at severity mild,
     * moderate and severe, with locations where the finding has one (15 or 9 prompts per class).
     */
    public static Prompts gloriaStyle() {
        Map<String, List<String>> phrasings = new LinkedHashMap<>();
        phrasings.put("Atelectasis", List.of("{severity} atelectasis at the left lung base",
                "{severity} atelectasis at the right lung base", "{severity} bibasilar atelectasis",
                "{severity} plate-like atelectasis in the lower lung", "{severity} linear atelectasis in the mid lung"));
        phrasings.put("Cardiomegaly", List.of("{severity} cardiomegaly", "{severity} enlargement of the cardiac silhouette",
                "the heart is {severity}ly enlarged"));
        phrasings.put("Consolidation", List.of("{severity} consolidation in the right lower lobe",
                "{severity} consolidation in the left lower lobe", "{severity} consolidation in the right upper lobe",
                "{severity} focal consolidation with air bronchograms", "{severity} opacity consistent with consolidation"));
        phrasings.put("Edema", List.of("{severity} pulmonary edema", "{severity} interstitial pulmonary edema",
                "{severity} perihilar haziness consistent with pulmonary edema"));
        phrasings.put("Pleural Effusion", List.of("{severity} left pleural effusion", "{severity} right pleural effusion",
                "{severity} bilateral pleural effusions", "{severity} effusion blunting the costophrenic angle",
                "{severity} pleural effusion layering at the base"));
        Map<String, List<String>> m = new LinkedHashMap<>();
        phrasings.forEach((c, templates) -> {
            List<String> out = new ArrayList<>();
            for (String t : templates) {
                for (String severity : List.of("mild", "moderate", "severe")) {
                    out.add(t.replace("{severity}ly", severity.equals("mild") ? "mildly"
                            : severity.equals("moderate") ? "moderately" : "severely").replace("{severity}", severity));
                }
            }
            m.put(c, out);
        });
        return new Prompts(m);
    }

    /** Every prompt, class after class. */
    public List<String> all() {
        List<String> out = new ArrayList<>();
        byClass.values().forEach(out::addAll);
        return out;
    }

    /** For every prompt of {@link #all()}, the index of its class. */
    public int[] classOfPrompt() {
        int[] out = new int[all().size()];
        int at = 0;
        int c = 0;
        for (List<String> ps : byClass.values()) {
            for (int i = 0; i < ps.size(); i++) {
                out[at++] = c;
            }
            c++;
        }
        return out;
    }
}
