package org.priorkit.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end checks of a tiny generated set against the layout contract and its own truth file. */
class SyntheticGeneratorTest {

    @TempDir
    static Path dir;

    static SyntheticConfig cfg = SyntheticConfig.tiny();
    static Path root;
    static GenerationSummary summary;
    static List<JsonObject> truth;

    @BeforeAll
    static void generate() throws IOException {
        root = dir.resolve("a");
        summary = SyntheticGenerator.generate(cfg, root);
        truth = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve(Truth.FILE))) {
            truth.add(JsonParser.parseString(line).getAsJsonObject());
        }
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDiffers() throws IOException {
        Path again = dir.resolve("b");
        SyntheticGenerator.generate(cfg, again);
        List<Path> files = relativeFiles(root);
        assertEquals(files, relativeFiles(again));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(root.resolve(f)), Files.readAllBytes(again.resolve(f)), f.toString());
        }
        Path other = dir.resolve("c");
        SyntheticGenerator.generate(cfg.withSeed(cfg.seed() + 1), other);
        assertFalse(Files.readString(other.resolve(Truth.FILE)).equals(Files.readString(root.resolve(Truth.FILE))));
        Path train = Path.of("chexpert/CheXpert-v1.0-small/train/patient00001/study1/view1_frontal.jpg");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(root.resolve(train)),
                Files.readAllBytes(other.resolve(train))));
    }

    @Test
    void regeneratingOverAnotherFolderIsRefused() throws IOException {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThrows(IOException.class, () -> SyntheticGenerator.generate(cfg, foreign));
    }

    /** A set from an older kit (no version file, or another version) is made again, not silently reused. */
    @Test
    void aSetFromAnOlderGeneratorIsOutdatedAndGeneratedOver() throws IOException {
        assertFalse(SyntheticGenerator.isOutdated(root));
        assertFalse(SyntheticGenerator.needsGenerating(root));
        Path old = dir.resolve("old");
        SyntheticGenerator.generate(cfg, old);
        Files.delete(old.resolve(SyntheticGenerator.VERSION_FILE)); // what version 1 wrote
        assertTrue(SyntheticGenerator.isOutdated(old) && SyntheticGenerator.needsGenerating(old));
        Files.writeString(old.resolve(SyntheticGenerator.VERSION_FILE), (SyntheticGenerator.VERSION - 1) + "\n");
        assertTrue(SyntheticGenerator.needsGenerating(old));
        SyntheticGenerator.generate(cfg, old);
        assertFalse(SyntheticGenerator.needsGenerating(old));
        Path real = dir.resolve("real"); // no synthetic truth file: real data is never regenerated
        Files.createDirectories(real.resolve("CheXpert-v1.0-small"));
        assertFalse(SyntheticGenerator.needsGenerating(real));
        assertTrue(SyntheticGenerator.needsGenerating(dir.resolve("missing")));
    }

    @Test
    void aKilledGenerationIsIncompleteAndGeneratedOver() throws IOException {
        assertTrue(SyntheticGenerator.isComplete(root));
        Path killed = dir.resolve("killed");
        Files.createDirectories(killed.resolve("mimic-cxr-jpg/2.0.0/files"));
        Files.writeString(killed.resolve("mimic-cxr-jpg/2.0.0/files/half.jpg"), "half an image");
        Files.createDirectories(killed.resolve("chexpert"));
        assertFalse(SyntheticGenerator.isComplete(killed), "no truth file: killed before the end");
        SyntheticGenerator.generate(cfg, killed);
        assertTrue(SyntheticGenerator.isComplete(killed));
        assertFalse(Files.exists(killed.resolve("mimic-cxr-jpg/2.0.0/files/half.jpg")));
        assertEquals(relativeFiles(root), relativeFiles(killed));
    }

    @Test
    void everyFileOfTheContractHasItsExactHeader() throws IOException {
        Path mimic = root.resolve("mimic-cxr-jpg/2.0.0");
        assertEquals("dicom_id,subject_id,study_id,PerformedProcedureStepDescription,ViewPosition,Rows,Columns,"
                + "StudyDate,StudyTime,ProcedureCodeSequence_CodeMeaning,ViewCodeSequence_CodeMeaning,"
                + "PatientOrientationCodeSequence_CodeMeaning", gz(mimic.resolve("mimic-cxr-2.0.0-metadata.csv.gz")).get(0));
        assertEquals("dicom_id,study_id,subject_id,split", gz(mimic.resolve("mimic-cxr-2.0.0-split.csv.gz")).get(0));
        String labels = "subject_id,study_id,Atelectasis,Cardiomegaly,Consolidation,Edema,Enlarged Cardiomediastinum,"
                + "Fracture,Lung Lesion,Lung Opacity,No Finding,Pleural Effusion,Pleural Other,Pneumonia,"
                + "Pneumothorax,Support Devices";
        assertEquals(labels, gz(mimic.resolve("mimic-cxr-2.0.0-chexpert.csv.gz")).get(0));
        assertEquals(labels, gz(mimic.resolve("mimic-cxr-2.0.0-negbio.csv.gz")).get(0));
        String chexpert = "Path,Sex,Age,Frontal/Lateral,AP/PA,No Finding,Enlarged Cardiomediastinum,Cardiomegaly,"
                + "Lung Opacity,Lung Lesion,Edema,Consolidation,Pneumonia,Atelectasis,Pneumothorax,Pleural Effusion,"
                + "Pleural Other,Fracture,Support Devices";
        Path small = root.resolve("chexpert/CheXpert-v1.0-small");
        assertEquals(chexpert, Files.readAllLines(small.resolve("train.csv")).get(0));
        assertEquals(chexpert, Files.readAllLines(small.resolve("valid.csv")).get(0));
        assertEquals("patientId,x,y,width,height,Target",
                Files.readAllLines(root.resolve("rsna/stage_2_train_labels.csv")).get(0));
        assertEquals("patientId,class", Files.readAllLines(root.resolve("rsna/stage_2_detailed_class_info.csv")).get(0));
        assertEquals("ImageId, EncodedPixels", Files.readAllLines(root.resolve("siim/train-rle.csv")).get(0));

        // every image the tables name exists where the contract puts it
        for (String row : rows(gz(mimic.resolve("mimic-cxr-2.0.0-metadata.csv.gz")))) {
            String[] f = row.split(",");
            String path = "files/p" + f[1].substring(0, 2) + "/p" + f[1] + "/s" + f[2] + "/" + f[0] + ".jpg";
            assertTrue(Files.isRegularFile(mimic.resolve(path)), path);
            assertTrue(f[0].matches("[0-9a-f]{8}(-[0-9a-f]{8}){4}"), f[0]);
            assertTrue(f[1].matches("1\\d{7}") && f[2].matches("5\\d{7}"), row);
            assertTrue(Files.isRegularFile(root.resolve("mimic-cxr-reports/files/p" + f[1].substring(0, 2) + "/p"
                    + f[1] + "/s" + f[2] + ".txt")));
        }
        for (String row : rows(Files.readAllLines(small.resolve("train.csv")))) {
            String path = row.split(",")[0];
            assertTrue(path.matches("CheXpert-v1\\.0-small/train/patient\\d{5}/study\\d+/view1_frontal\\.jpg"), path);
            assertTrue(Files.isRegularFile(root.resolve("chexpert").resolve(path)), path);
        }
        for (String row : rows(Files.readAllLines(root.resolve("rsna/stage_2_train_labels.csv")))) {
            String id = row.split(",")[0];
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            assertTrue(Files.isRegularFile(root.resolve("rsna/stage_2_train_images/" + id + ".dcm")));
        }
        for (JsonObject t : of("siim")) {
            String path = t.get("path").getAsString();
            assertTrue(path.matches("siim/dicom-images-train/1\\.2\\.276\\.0\\.7230010\\.3\\.1\\.2\\.[0-9.]+/"
                    + "1\\.2\\.276\\.0\\.7230010\\.3\\.1\\.3\\.[0-9.]+/1\\.2\\.276\\.0\\.7230010\\.3\\.1\\.4\\.[0-9.]+\\.dcm"), path);
            assertTrue(Files.isRegularFile(root.resolve(path)));
        }
        JsonObject five = JsonParser.parseString(Files.readString(root.resolve("chexpert/chexpert_5x200.json")))
                .getAsJsonObject();
        assertEquals(5 * cfg.fiveBy200PerClass(), five.size());
        JsonObject first = five.getAsJsonObject("0");
        assertTrue(Files.isRegularFile(small.resolve(first.get("image_path").getAsString())));
        assertEquals(5, first.getAsJsonArray("label").size());
    }

    @Test
    void siimRleDecodesToTheTruthMaskAndDicomHoldsTheDrawnPixels() throws IOException {
        boolean[] positive = Shuffle.exactly(cfg.siimImages(), cfg.siimPositiveFraction(),
                new SplittableRandom(RandomStreams.of(cfg.seed(), RandomStreams.PLAN, 6)));
        Map<String, boolean[]> decoded = new HashMap<>();
        int n = cfg.imageSize();
        for (String row : rows(Files.readAllLines(root.resolve("siim/train-rle.csv")))) {
            int comma = row.indexOf(',');
            String value = row.substring(comma + 1);
            assertTrue(value.startsWith(" "), "values keep the space after the comma: " + row);
            boolean[] mask = decoded.computeIfAbsent(row.substring(0, comma), k -> new boolean[n * n]);
            if (!value.trim().equals("-1")) {
                // independent decoder: relative starts, column-major flat index = x * n + y
                String[] t = value.trim().split(" ");
                int pos = 0;
                for (int k = 0; k < t.length; k += 2) {
                    pos += Integer.parseInt(t[k]);
                    for (int j = 0; j < Integer.parseInt(t[k + 1]); j++, pos++) {
                        mask[(pos % n) * n + pos / n] = true;
                    }
                }
            }
        }
        List<JsonObject> siim = of("siim");
        assertEquals(cfg.siimImages(), decoded.size());
        int withPneumothorax = 0;
        for (JsonObject t : siim) {
            int i = t.get("index").getAsInt();
            RenderedImage img = SiimWriter.render(cfg, i, positive[i]);
            boolean[] expected = new boolean[n * n];
            for (Finding f : img.findings()) {
                if (f.spec().type() == FindingType.PNEUMOTHORAX) {
                    for (int p = 0; p < expected.length; p++) {
                        expected[p] |= f.mask()[p];
                    }
                }
            }
            boolean[] got = decoded.get(t.get("ImageId").getAsString());
            assertArrayEquals(expected, got, "mask of SIIM image " + i);
            withPneumothorax += any(got) ? 1 : 0;

            byte[] dicom = Files.readAllBytes(root.resolve(t.get("path").getAsString()));
            Map<Integer, byte[]> el = elements(dicom);
            boolean mono1 = new String(el.get(0x00280004), StandardCharsets.US_ASCII).trim().equals("MONOCHROME1");
            assertEquals(t.get("monochrome1").getAsBoolean(), mono1);
            byte[] stored = el.get(0x7FE00010);
            for (int p = 0; p < n * n; p++) {
                int v = stored[p] & 0xff;
                assertEquals(img.pixels()[p] & 0xff, mono1 ? 255 - v : v);
            }
        }
        assertEquals(Math.round(cfg.siimImages() * cfg.siimPositiveFraction()), withPneumothorax);
        assertEquals(withPneumothorax, summary.siimPositives());
    }

    @Test
    void dicomFilesStartWithPreambleAndDicmAndHaveTheImageSize() throws IOException {
        List<Path> dicoms = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(dicoms::add);
        }
        assertEquals(cfg.rsnaImages() + cfg.siimImages(), dicoms.size());
        for (Path p : dicoms) {
            byte[] b = Files.readAllBytes(p);
            for (int i = 0; i < 128; i++) {
                assertEquals(0, b[i]);
            }
            assertEquals("DICM", new String(b, 128, 4, StandardCharsets.US_ASCII));
            Map<Integer, byte[]> el = elements(b);
            assertEquals(cfg.imageSize(), us(el.get(0x00280010)), "Rows");
            assertEquals(cfg.imageSize(), us(el.get(0x00280011)), "Columns");
            assertEquals(8, us(el.get(0x00280100)));
            assertEquals("1.2.840.10008.1.2.1", new String(el.get(0x00020010), StandardCharsets.US_ASCII).trim()
                    .replace("\0", ""));
            assertEquals(cfg.imageSize() * cfg.imageSize(), el.get(0x7FE00010).length);
        }
    }

    @Test
    void rsnaBoxesAreThePneumoniaBoxesOfTheTruth() throws IOException {
        Map<String, List<String>> boxes = new HashMap<>();
        for (String row : rows(Files.readAllLines(root.resolve("rsna/stage_2_train_labels.csv")))) {
            String[] f = row.split(",", -1);
            assertEquals(6, f.length, row);
            boxes.computeIfAbsent(f[0], k -> new ArrayList<>());
            if (f[5].equals("1")) {
                boxes.get(f[0]).add(f[1] + "," + f[2] + "," + f[3] + "," + f[4]);
            } else {
                assertEquals("0", f[5]);
                assertEquals("", f[1] + f[2] + f[3] + f[4]);
            }
        }
        int positives = 0;
        for (JsonObject t : of("rsna")) {
            List<String> expected = new ArrayList<>();
            for (JsonElement e : t.getAsJsonArray("findings")) {
                JsonObject f = e.getAsJsonObject();
                if (f.get("type").getAsString().equals("PNEUMONIA") && f.get("box").isJsonArray()) {
                    JsonArray b = f.getAsJsonArray("box");
                    expected.add(b.get(0).getAsInt() + ".0," + b.get(1).getAsInt() + ".0," + b.get(2).getAsInt()
                            + ".0," + b.get(3).getAsInt() + ".0");
                }
            }
            assertEquals(expected, boxes.get(t.get("patientId").getAsString()));
            positives += expected.isEmpty() ? 0 : 1;
        }
        assertEquals(Math.round(cfg.rsnaImages() * cfg.rsnaPositiveFraction()), positives);
    }

    @Test
    void reportsHaveSectionsAndNameTheSideThatTheImageShows() throws IOException {
        int lateralized = 0;
        for (JsonObject t : of("mimic-cxr-jpg")) {
            if (!t.get("view").getAsString().matches("PA|AP")) {
                continue;
            }
            String text = Files.readString(root.resolve(t.get("report_path").getAsString()));
            assertTrue(text.contains("\n IMPRESSION:"), text);
            JsonArray findings = t.getAsJsonArray("findings");
            JsonObject report = t.getAsJsonObject("report");
            if (report.getAsJsonArray("findings").size() > 0) {
                assertTrue(text.contains("\n FINDINGS:"), text);
            }
            for (int k = 0; k < findings.size(); k++) {
                JsonObject f = findings.get(k).getAsJsonObject();
                String side = f.get("side").getAsString();
                if (side.equals("bilateral")) {
                    continue;
                }
                lateralized++;
                for (JsonElement s : report.getAsJsonArray("impression")) {
                    JsonObject sentence = s.getAsJsonObject();
                    if (sentence.get("finding").getAsInt() == k) {
                        assertTrue(sentence.get("text").getAsString().toLowerCase().contains(side),
                                sentence + " should say " + side);
                    }
                }
                // the patient's left is on the image's right
                JsonArray box = f.getAsJsonArray("box");
                double centre = box.get(0).getAsInt() + box.get(2).getAsInt() / 2.0;
                assertEquals(side.equals("left"), centre > cfg.imageSize() / 2.0, t + " " + f);
            }
        }
        assertTrue(lateralized > 0, "the tiny set should contain lateralized findings");
    }

    @Test
    void csvLabelsMatchTheTruth() throws IOException {
        Map<String, String> mimic = new HashMap<>();
        for (String row : rows(gz(root.resolve("mimic-cxr-jpg/2.0.0/mimic-cxr-2.0.0-chexpert.csv.gz")))) {
            String[] f = row.split(",", -1);
            mimic.put(f[1], row);
        }
        String[] mimicColumns = MimicWriter.labelHeader().trim().split(",");
        for (JsonObject t : of("mimic-cxr-jpg")) {
            String[] f = mimic.get(t.get("study_id").getAsString()).split(",", -1);
            checkLabels(t, mimicColumns, f, false);
        }
        String[] columns = ChexpertWriter.header().trim().split(",");
        Path small = root.resolve("chexpert/CheXpert-v1.0-small");
        List<String> train = rows(Files.readAllLines(small.resolve("train.csv")));
        List<String> valid = rows(Files.readAllLines(small.resolve("valid.csv")));
        for (JsonObject t : of("chexpert-train")) {
            checkLabels(t, columns, train.get(t.get("index").getAsInt()).split(",", -1), false);
        }
        for (JsonObject t : of("chexpert-valid")) {
            checkLabels(t, columns, valid.get(t.get("index").getAsInt()).split(",", -1), true);
        }
        // 5x200: every listed image has exactly its class positive among the competition labels
        JsonObject five = JsonParser.parseString(Files.readString(root.resolve("chexpert/chexpert_5x200.json")))
                .getAsJsonObject();
        int[] perClass = new int[5];
        for (String key : five.keySet()) {
            JsonObject item = five.getAsJsonObject(key);
            String path = "CheXpert-v1.0-small/" + item.get("image_path").getAsString();
            String row = train.stream().filter(r -> r.startsWith(path + ",")).findFirst().orElseThrow();
            String[] f = row.split(",", -1);
            JsonArray onehot = item.getAsJsonArray("label");
            int cls = -1;
            for (int c = 0; c < 5; c++) {
                String v = f[indexOf(columns, FindingType.COMPETITION[c].label())];
                assertEquals(onehot.get(c).getAsInt() == 1 ? "1.0" : "", v.equals("1.0") ? "1.0" : "", row);
                cls = onehot.get(c).getAsInt() == 1 ? c : cls;
            }
            perClass[cls]++;
        }
        for (int c : perClass) {
            assertEquals(cfg.fiveBy200PerClass(), c);
        }
    }

    /** Each drawn finding is 1.0 (or -1.0 when hedged); absent competition findings are 0.0 or blank. */
    private static void checkLabels(JsonObject t, String[] columns, String[] row, boolean consensus) {
        List<String> present = new ArrayList<>();
        for (JsonElement e : t.getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            String label = f.get("label").getAsString();
            present.add(label);
            String expected = f.get("hedged").getAsBoolean() && !consensus ? "-1.0" : "1.0";
            assertEquals(expected, row[indexOf(columns, label)], label + " in " + String.join(",", row));
        }
        for (FindingType type : FindingType.values()) {
            if (!present.contains(type.label())) {
                String v = row[indexOf(columns, type.label())];
                assertTrue(consensus ? v.equals("0.0") : v.equals("0.0") || v.isEmpty(), type + " " + v);
            }
        }
        assertEquals(present.isEmpty() ? "1.0" : (consensus ? "0.0" : ""), row[indexOf(columns, "No Finding")]);
    }

    @Test
    void summaryCountsWhatWasWritten() {
        assertEquals(cfg.mimicStudies(), summary.mimicStudies());
        assertEquals(cfg.chexpertTrain() + cfg.chexpertValid() + cfg.rsnaImages() + cfg.siimImages()
                + summary.mimicImages(), truth.size());
        assertTrue(summary.mimicImages() >= cfg.mimicStudies());
        assertTrue(summary.bytes() > 0);
        assertNotNull(summary.toString());
    }

    // ---- helpers ----

    private List<JsonObject> of(String dataset) {
        return truth.stream().filter(t -> t.get("dataset").getAsString().equals(dataset)).toList();
    }

    private static boolean any(boolean[] m) {
        for (boolean b : m) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static List<String> rows(List<String> lines) {
        return lines.subList(1, lines.size());
    }

    private static List<String> gz(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<Path> relativeFiles(Path base) throws IOException {
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile).map(base::relativize).sorted().toList();
        }
    }

    /** Explicit-VR little-endian elements after the preamble, keyed group << 16 | element (test-only walk). */
    static Map<Integer, byte[]> elements(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        Map<Integer, byte[]> out = new HashMap<>();
        while (b.remaining() >= 8) {
            int tag = (b.getShort() & 0xffff) << 16 | (b.getShort() & 0xffff);
            String vr = "" + (char) b.get() + (char) b.get();
            int length;
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")) {
                b.getShort();
                length = b.getInt();
            } else {
                length = b.getShort() & 0xffff;
            }
            byte[] v = new byte[length];
            b.get(v);
            out.put(tag, v);
        }
        return out;
    }

    private static int us(byte[] v) {
        return (v[0] & 0xff) | (v[1] & 0xff) << 8;
    }
}
