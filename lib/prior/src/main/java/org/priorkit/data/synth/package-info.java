/**
 * A seeded generator of synthetic frontal chest radiographs with reports and ground truth, written in the
 * real data sets' on-disk formats so that the kit's loaders read synthetic and real data alike.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * GenerationSummary s = SyntheticGenerator.generate(SyntheticConfig.defaults().withSeed(7), Path.of("data/synthetic"));
 * }</pre>
 * The default set (8,000 MIMIC studies, 2,000 + 234 CheXpert rows with a 5x200 selection, 4,000 RSNA and
 * 4,000 SIIM images, half of each positive: about 19,500 images at 128 px) takes about 25 s on two idle
 * cores. {@link SyntheticConfig#tiny()} is for tests; {@link SyntheticBenchmark} measures images per second.
 *
 * <h2>Design: one idea per class</h2>
 * <ul>
 *   <li>{@link CaseSampler} decides what a study contains ({@link StudyCase}: {@link Anatomy}, a list of
 *       {@link FindingSpec}, a {@link Device}, view, sex, age), with one method per kind of data set.</li>
 *   <li>{@link Anatomy} holds one patient's chest as numbers in a PATIENT FRAME (upright, centred) and answers
 *       geometric questions (where is the dome, the lateral wall, the zone); {@link PatientFrame} maps that
 *       frame onto pixels with the patient's position, size and rotation, once per image.</li>
 *   <li>{@link AnatomyPainter} draws the normal chest: body outline, lungs, heart and mediastinum, hila,
 *       diaphragm domes and gastric bubble, spine, ribs, clavicles, breast shadows, vessel markings.</li>
 *   <li>{@link FindingPainter} draws each finding with its own signature and returns a {@link Finding}
 *       (pixel mask and {@link Box}); {@link DevicePainter} adds tubes and lines as distractors.</li>
 *   <li>{@link ImageRenderer} chains them and applies the acquisition: blur, exposure, gamma, noise, 8 bits.</li>
 *   <li>{@link ReportWriter} writes FINDINGS and IMPRESSION from the truth and reads the labels off what it
 *       wrote (1.0 stated, -1.0 hedged, 0.0 negated, blank unmentioned), like the CheXpert labeler.</li>
 *   <li>Format writers, one per data set: {@code MimicWriter}, {@code ChexpertWriter}, {@code RsnaWriter},
 *       {@code SiimWriter}, plus {@link org.priorkit.data.dicom.DicomWriter} and
 *       {@link org.priorkit.data.siim.Rle} (the format's one encoder and decoder).</li>
 * </ul>
 * Painters take everything they need as arguments and return their result; nothing passes between methods
 * through fields.
 *
 * <h2>Left and right</h2>
 * {@link Side} is always the PATIENT's side. Images are shown as a PA film is read, facing the patient, so
 * the patient's LEFT lies on the image's RIGHT (larger column index): the heart bulges to the image right,
 * the gastric bubble sits under the image-right dome, and "left pleural effusion" fills the image-right base.
 * The frame's x axis points to the image right, so {@link Side#sign()} is +1 for LEFT.
 *
 * <h2>The difficulty knob</h2>
 * {@link SyntheticConfig#difficulty()} in [0, 1], default {@value SyntheticConfig#DEFAULT_DIFFICULTY}:
 * finding contrast 1.3 - 0.7 d; noise sigma 0.012 + 0.045 d (x1.3 for portable AP); rotation up to
 * 2 + 6 d degrees; wider variation of position, size, heart size and exposure (factor 0.5 + d); more
 * co-occurring findings (0.15 + 0.35 d); {@link SyntheticConfig#subtleFraction()} of findings are faint.
 * Consolidation and pneumonia share one drawing routine with overlapping texture ranges, and normal hearts
 * overlap mild cardiomegaly. At the default, linear probes on raw pixels or on a random convolutional
 * encoder are far from perfect on most classes (see the kit's results notes).
 *
 * <h2>Layout (the contract with the loaders)</h2>
 * <pre>
 * root/mimic-cxr-jpg/2.0.0/files/p{XX}/p{subject_id}/s{study_id}/{dicom_id}.jpg
 * root/mimic-cxr-jpg/2.0.0/mimic-cxr-2.0.0-{metadata,split,chexpert,negbio}.csv.gz
 * root/mimic-cxr-reports/files/p{XX}/p{subject_id}/s{study_id}.txt
 * root/chexpert/CheXpert-v1.0-small/{train,valid}.csv and {train,valid}/patient{NNNNN}/study{N}/view1_frontal.jpg
 * root/chexpert/chexpert_5x200.json
 * root/rsna/stage_2_train_labels.csv, stage_2_detailed_class_info.csv, stage_2_train_images/{patientId}.dcm
 * root/siim/train-rle.csv ("ImageId, EncodedPixels"), dicom-images-train/{study}/{series}/{ImageId}.dcm
 * root/synthetic-truth.jsonl   one JSON object per image: ids, path, findings with side, zone, severity,
 *                              extent, box and area, labels, and (MIMIC) report sentences with the index
 *                              of the finding each one describes
 * </pre>
 * Image size is the configured one everywhere (Rows/Columns, RLE, boxes), not the real sets' 1024.
 *
 * <h2>Determinism</h2>
 * Every image draws from random streams derived from (seed, data set, index) by {@code RandomStreams}, jobs run in
 * parallel but their rows are written in index order, JPEGs use a fixed quality, gzip headers carry no
 * time, and JSON keys keep insertion order: the same seed gives the same bytes (on the same JDK, whose
 * JPEG encoder and Gaussian sampler are part of the output).
 */
package org.priorkit.data.synth;
