package org.priorkit.data.mimic;

import org.priorkit.data.image.TestImages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes a hand-made MIMIC-CXR-JPG + reports tree in the real layout, for tests. */
public final class MimicTree {

    static final String METADATA_HEADER = "dicom_id,subject_id,study_id,PerformedProcedureStepDescription,"
            + "ViewPosition,Rows,Columns,StudyDate,StudyTime,ProcedureCodeSequence_CodeMeaning,"
            + "ViewCodeSequence_CodeMeaning,PatientOrientationCodeSequence_CodeMeaning\n";
    static final String CHEXPERT_HEADER = "subject_id,study_id,Atelectasis,Cardiomegaly,Consolidation,Edema,"
            + "Enlarged Cardiomediastinum,Fracture,Lung Lesion,Lung Opacity,No Finding,Pleural Effusion,"
            + "Pleural Other,Pneumonia,Pneumothorax,Support Devices\n";

    static final String LONG_REPORT = "                                 FINAL REPORT\n"
            + " EXAMINATION:  CHEST (PA AND LAT)\n \n INDICATION:  ___M with cough\n \n"
            + " FINDINGS: \n \n The lungs are clear.  There is no pleural effusion.\n"
            + " The heart size is normal.\n \n IMPRESSION: \n \n No acute cardiopulmonary process.\n";
    static final String SHORT_REPORT = "                                 FINAL REPORT\n"
            + " IMPRESSION: \n \n No change.\n";

    final Path root;
    final Path jpg;
    final Path reports;
    final StringBuilder metadata = new StringBuilder(METADATA_HEADER);
    final StringBuilder split = new StringBuilder("dicom_id,study_id,subject_id,split\n");
    final StringBuilder chexpert = new StringBuilder(CHEXPERT_HEADER);

    MimicTree(Path root) {
        this.root = root;
        this.jpg = root.resolve("mimic-cxr-jpg/2.0.0");
        this.reports = root.resolve("mimic-cxr-reports");
    }

    /** Adds an image (file + metadata row + split row). */
    public MimicTree image(String dicom, long subject, long study, String view, String splitName) throws IOException {
        metadata.append(dicom).append(',').append(subject).append(',').append(study)
                .append(",CHEST (PA AND LAT),").append(view).append(",3056,2544,21800506,213014.531,")
                .append("CHEST (PA AND LAT),postero-anterior,Erect\n");
        split.append(dicom).append(',').append(study).append(',').append(subject).append(',').append(splitName).append('\n');
        Path f = new MimicLayout(jpg, reports).image(subject, study, dicom);
        Files.createDirectories(f.getParent());
        TestImages.gray(f, 10, 8);
        return this;
    }

    public MimicTree report(long subject, long study, String text) throws IOException {
        Path f = new MimicLayout(jpg, reports).report(subject, study);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return this;
    }

    public MimicTree labels(long subject, long study, String fourteen) {
        chexpert.append(subject).append(',').append(study).append(',').append(fourteen).append('\n');
        return this;
    }

    /** Writes the three tables, gzipped (the official form) or plain. */
    public MimicLayout write(boolean gzip) throws IOException {
        Files.createDirectories(jpg);
        table(MimicLayout.METADATA, metadata.toString(), gzip);
        table(MimicLayout.SPLIT, split.toString(), gzip);
        table(MimicLayout.CHEXPERT, chexpert.toString(), gzip);
        return MimicLayout.find(root);
    }

    private void table(String base, String text, boolean gzip) throws IOException {
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(jpg.resolve(base + ".csv.gz")))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(jpg.resolve(base + ".csv"), text);
        }
    }

    /** Four studies: PA+AP+lateral, lateral only, short report, impression-only long report. */
    public static MimicTree standard(Path root) throws IOException {
        return new MimicTree(root)
                .image("ddd-lat", 10000032, 50414267, "LATERAL", "train")
                .image("ccc-ap", 10000032, 50414267, "AP", "train")
                .image("zzz-pa", 10000032, 50414267, "PA", "train")
                .image("aaa-pa", 10000032, 50414267, "PA", "train")
                .report(10000032, 50414267, LONG_REPORT)
                .labels(10000032, 50414267, "1.0,,0.0,-1.0,,,,,,1.0,,,,")
                .image("eee-ll", 10000033, 50000001, "LL", "test")
                .report(10000033, 50000001, LONG_REPORT)
                .image("fff-ap", 11000001, 50000002, "AP", "validate")
                .report(11000001, 50000002, SHORT_REPORT)
                .image("ggg-ap", 19999999, 59999999, "AP", "test")
                .report(19999999, 59999999, " FINAL REPORT\n IMPRESSION: One. Two. Three. Four.\n");
    }
}
