package org.priorkit.data.dicom;

/** The few DICOM tags the reader uses, as (group << 16 | element). */
final class Tags {

    private Tags() {}

    public static final int TRANSFER_SYNTAX_UID = 0x0002_0010;
    public static final int SOP_INSTANCE_UID = 0x0008_0018;
    public static final int PATIENT_ID = 0x0010_0020;
    public static final int VIEW_POSITION = 0x0018_5101;
    public static final int STUDY_INSTANCE_UID = 0x0020_000D;
    public static final int SAMPLES_PER_PIXEL = 0x0028_0002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x0028_0004;
    public static final int NUMBER_OF_FRAMES = 0x0028_0008;
    public static final int ROWS = 0x0028_0010;
    public static final int COLUMNS = 0x0028_0011;
    public static final int BITS_ALLOCATED = 0x0028_0100;
    public static final int BITS_STORED = 0x0028_0101;
    public static final int HIGH_BIT = 0x0028_0102;
    public static final int PIXEL_REPRESENTATION = 0x0028_0103;
    public static final int WINDOW_CENTER = 0x0028_1050;
    public static final int WINDOW_WIDTH = 0x0028_1051;
    public static final int RESCALE_INTERCEPT = 0x0028_1052;
    public static final int RESCALE_SLOPE = 0x0028_1053;
    public static final int PIXEL_DATA = 0x7FE0_0010;

    // Items and delimiters of sequences and of encapsulated pixel data; they carry no VR.
    static final int ITEM = 0xFFFE_E000;
    static final int ITEM_DELIMITER = 0xFFFE_E00D;
    static final int SEQUENCE_DELIMITER = 0xFFFE_E0DD;

    /** "(7FE0,0010)" */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
