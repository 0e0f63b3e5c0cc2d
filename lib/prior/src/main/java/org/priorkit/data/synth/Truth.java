package org.priorkit.data.synth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code synthetic-truth.jsonl}: what was drawn in one image, with its ids and paths in the
 * format it was written in. Keys keep insertion order, so the file is byte-for-byte reproducible.
 */
final class Truth {

    static final String FILE = "synthetic-truth.jsonl";

    private Truth() {}

    /** The common part: data set, index, path relative to the root, acquisition, device, findings. */
    static JsonObject of(String dataset, int index, String path, StudyCase c, String view, int size,
                         List<Finding> drawn) {
        JsonObject o = new JsonObject();
        o.addProperty("dataset", dataset);
        o.addProperty("index", index);
        o.addProperty("path", path);
        o.addProperty("view", view);
        o.addProperty("size", size);
        o.addProperty("sex", c.sex());
        o.addProperty("age", c.age());
        o.addProperty("device", c.device().name());
        o.addProperty("cardiothoracic_ratio", round(c.anatomy().cardiothoracicRatio()));
        JsonArray fs = new JsonArray();
        for (int k = 0; k < c.findings().size(); k++) {
            FindingSpec s = c.findings().get(k);
            JsonObject f = new JsonObject();
            f.addProperty("type", s.type().name());
            f.addProperty("label", s.type().label());
            f.addProperty("side", s.side().word());
            f.addProperty("zone", s.zone().word());
            f.addProperty("severity", round(s.severity()));
            f.addProperty("extent", round(s.extent()));
            f.addProperty("subtle", s.subtle());
            f.addProperty("hedged", s.hedged());
            if (drawn != null) {
                Finding d = drawn.get(k);
                f.add("box", box(d.box()));
                f.addProperty("area", d.area());
            }
            fs.add(f);
        }
        o.add("findings", fs);
        return o;
    }

    /** Adds label values by column name (blank labels are left out). */
    static void labels(JsonObject o, Map<ChexpertLabel, Double> labels) {
        JsonObject l = new JsonObject();
        for (ChexpertLabel c : ChexpertLabel.values()) {
            Double v = labels.get(c);
            if (v != null) {
                l.addProperty(c.column(), v);
            }
        }
        o.add("labels", l);
    }

    /** Adds the report's sentences, each with the index of the finding it describes (-1 for none). */
    static void report(JsonObject o, Report r) {
        JsonObject rep = new JsonObject();
        rep.add("impression", sentences(r.impression()));
        rep.add("findings", sentences(r.findings()));
        o.add("report", rep);
    }

    private static JsonArray sentences(List<Report.Sentence> list) {
        JsonArray a = new JsonArray();
        for (Report.Sentence s : list) {
            JsonObject o = new JsonObject();
            o.addProperty("text", s.text());
            o.addProperty("finding", s.finding());
            a.add(o);
        }
        return a;
    }

    private static JsonArray box(Box b) {
        if (b == null) {
            return null;
        }
        JsonArray a = new JsonArray();
        a.add(b.x());
        a.add(b.y());
        a.add(b.width());
        a.add(b.height());
        return a;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
