package org.priorkit.data.dicom;

import java.util.Arrays;
import java.util.Optional;

/**
 * The transfer syntaxes this reader recognises by name. Only three are decoded ({@link #decoded()}):
 * implicit and explicit VR little endian (native pixels) and baseline JPEG (handed to ImageIO).
 * The others are listed so that the error message can name them.
 */
enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian", true),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", false),
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", false),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", false),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", false),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14 SV1)", false),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", false),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)", false),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", false),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", false),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", false);

    private final String uid;
    private final String displayName;
    private final boolean decoded;

    TransferSyntax(String uid, String displayName, boolean decoded) {
        this.uid = uid;
        this.displayName = displayName;
        this.decoded = decoded;
    }

    public String uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }

    /** True when {@link DicomReader} can turn this syntax's pixel data into an image. */
    public boolean decoded() {
        return decoded;
    }

    /** All but implicit VR little endian write the value representation next to each tag. */
    public boolean explicitVr() {
        return this != IMPLICIT_VR_LITTLE_ENDIAN;
    }

    public static Optional<TransferSyntax> of(String uid) {
        return Arrays.stream(values()).filter(t -> t.uid.equals(uid)).findFirst();
    }

    /** "UID (name)" for messages, also for UIDs not in this list. */
    public static String describe(String uid) {
        return uid + " (" + of(uid).map(TransferSyntax::displayName).orElse("unknown transfer syntax") + ")";
    }
}
