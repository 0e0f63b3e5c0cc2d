package org.priorkit.data.synth;

import java.util.SplittableRandom;

/**
 * One patient's chest, as numbers in the PATIENT FRAME: x runs from the midline towards the image's right
 * (the patient's left, see {@link Side}), y runs from the top of the film (0) down; the thorax spans
 * roughly x in [-0.4, 0.4] and y in [0.1, 0.75]. {@link PatientFrame} maps the frame onto pixels with the
 * patient's position, size and rotation, so every shape below is written once, upright and centred.
 *
 * <p>The geometry methods are shared by {@link AnatomyPainter} and {@link FindingPainter}, so a finding
 * sits where the report says it is: in that lung, that zone, against that dome.
 *
 * @param centreX           image x of the midline, as a fraction of the width
 * @param centreY           image y of frame y = 0.5
 * @param scale             patient size: frame units per image width
 * @param rotation          in radians, positive turns the patient clockwise on the image
 * @param thoraxHalfWidth   W: half the inner width of the rib cage at the bases
 * @param apexY             top of the lung apices
 * @param rightDomeY        top of the right hemidiaphragm (usually higher: the liver is under it)
 * @param leftDomeY         top of the left hemidiaphragm
 * @param domeDepth         how far the costophrenic angles sit below the dome tops
 * @param mediastinumHalfWidth half width of the upper mediastinum
 * @param heartCentreX      heart centre, towards the patient's left (positive)
 * @param heartHalfWidth    half the transverse cardiac diameter
 * @param heartHalfHeight   vertical half axis of the cardiac ellipse
 * @param hilumY            height of the hila, where vessels and perihilar edema start
 * @param ribSpacing        vertical distance between posterior ribs
 * @param ribPhase          offset of the rib pattern, in units of ribSpacing
 * @param clavicleY         height of the clavicles at the midline
 * @param softTissue        body thickness factor: larger patients look denser everywhere
 * @param female            draws breast shadows over the lower zones (a normal mimic of basal opacity)
 */
public record Anatomy(double centreX, double centreY, double scale, double rotation,
                      double thoraxHalfWidth, double apexY, double rightDomeY, double leftDomeY,
                      double domeDepth, double mediastinumHalfWidth, double heartCentreX,
                      double heartHalfWidth, double heartHalfHeight, double hilumY, double ribSpacing,
                      double ribPhase, double clavicleY, double softTissue, boolean female) {

    /**
     * Samples a normal chest. {@code difficulty} widens the normal variation (rotation, heart size,
     * exposure-related thickness) so that normal and abnormal overlap more.
     */
    public static Anatomy sample(SplittableRandom rng, double difficulty, boolean female) {
        double spread = 0.5 + difficulty;                     // 0.5 .. 1.5
        double w = 0.35 + 0.02 * rng.nextGaussian();
        double rightDome = 0.66 + 0.02 * rng.nextGaussian();
        double ctr = 0.45 + 0.035 * spread * rng.nextGaussian();   // normal cardiothoracic ratio
        ctr = Math.min(0.54, Math.max(0.36, ctr));           // its upper tail overlaps mild cardiomegaly
        return new Anatomy(
                0.5 + 0.02 * spread * rng.nextGaussian(),
                0.46 + 0.02 * rng.nextGaussian(),
                0.86 + 0.05 * spread * rng.nextGaussian(),
                Math.toRadians((2 + 6 * difficulty) * (2 * rng.nextDouble() - 1)),
                w,
                0.14 + 0.012 * rng.nextGaussian(),
                rightDome,
                rightDome + 0.025 + 0.01 * rng.nextDouble(),
                0.05 + 0.02 * rng.nextDouble(),
                0.055 + 0.008 * rng.nextGaussian(),
                0.07 + 0.015 * spread * rng.nextGaussian(),
                ctr * w,
                0.125 + 0.01 * rng.nextGaussian(),
                0.42 + 0.015 * rng.nextGaussian(),
                0.066 + 0.006 * rng.nextGaussian(),
                rng.nextDouble(),
                0.17 + 0.01 * rng.nextGaussian(),
                1.0 + 0.12 * spread * rng.nextGaussian(),
                female);
    }

    /** Cardiothoracic ratio: transverse heart diameter over inner thoracic diameter. */
    public double cardiothoracicRatio() {
        return heartHalfWidth / thoraxHalfWidth;
    }

    /** Same chest with the cardiothoracic ratio set to {@code ctr} (cardiomegaly). */
    public Anatomy withCardiothoracicRatio(double ctr) {
        return new Anatomy(centreX, centreY, scale, rotation, thoraxHalfWidth, apexY, rightDomeY, leftDomeY,
                domeDepth, mediastinumHalfWidth, heartCentreX + 0.3 * (ctr * thoraxHalfWidth - heartHalfWidth),
                ctr * thoraxHalfWidth, heartHalfHeight * (1 + 0.2 * (ctr / cardiothoracicRatio() - 1)), hilumY,
                ribSpacing, ribPhase, clavicleY, softTissue, female);
    }

    /** Same chest with one hemidiaphragm raised by {@code dy} and the heart pulled towards it (volume loss). */
    public Anatomy withVolumeLoss(Side side, double dy) {
        double right = side == Side.RIGHT ? rightDomeY - dy : rightDomeY;
        double left = side == Side.LEFT ? leftDomeY - dy : leftDomeY;
        return new Anatomy(centreX, centreY, scale, rotation, thoraxHalfWidth, apexY, right, left, domeDepth,
                mediastinumHalfWidth, heartCentreX + side.sign() * 0.25 * dy, heartHalfWidth, heartHalfHeight,
                hilumY, ribSpacing, ribPhase, clavicleY, softTissue, female);
    }

    /** Top of the dome on {@code side} (RIGHT or LEFT). */
    public double domeTop(Side side) {
        return side == Side.LEFT ? leftDomeY : rightDomeY;
    }

    /**
     * Height of the diaphragm at distance {@code ax} from the midline: highest at mid-hemithorax, lower
     * medially (cardiophrenic angle) and laterally (the sharp costophrenic angle effusions blunt).
     */
    public double domeY(Side side, double ax) {
        double t = (ax - 0.5 * thoraxHalfWidth) / (0.5 * thoraxHalfWidth);
        return domeTop(side) + domeDepth * t * t;
    }

    /** Distance from the midline of the lateral chest wall at height y: narrow apex, widest at the base. */
    public double lateralWall(double y) {
        double t = Math.min(1, Math.max(0, (y - apexY) / 0.42));
        return thoraxHalfWidth * (0.42 + 0.58 * Math.sqrt(t));
    }

    /** The rounded top of the lung at distance {@code ax} from the midline. */
    public double apexTop(double ax) {
        double t = (ax - 0.55 * thoraxHalfWidth) / (0.45 * thoraxHalfWidth);
        return apexY + 0.09 * t * t;
    }

    /**
     * Signed distance-like margin of point (ax, y) inside the lung of {@code side}, in frame units:
     * positive inside, negative outside. The mediastinum and heart are cut out separately.
     */
    public double lungMargin(Side side, double ax, double y) {
        return lungMargin(side, ax, y, lateralWall(y));
    }

    /** {@link #lungMargin(Side, double, double)} with the lateral wall at y already known. */
    public double lungMargin(Side side, double ax, double y, double wall) {
        double m = Math.min(y - apexTop(ax), domeY(side, ax) - y);
        m = Math.min(m, ax - 0.6 * mediastinumHalfWidth);
        return Math.min(m, wall - ax);
    }

    /** Half width of the mediastinum at height y, with the aortic knob bulging to the patient's left. */
    public double mediastinumHalfWidth(double y, int sign) {
        double knob = sign > 0 ? 0.022 * Math.exp(-sq((y - 0.31) / 0.035)) : 0;
        return mediastinumHalfWidth + knob;
    }

    /** Heart ellipse value: below 1 inside the cardiac silhouette (above the diaphragm). */
    public double heartEllipse(double x, double y) {
        double cy = 0.5 * (rightDomeY + leftDomeY) - 0.04;
        return sq((x - heartCentreX) / heartHalfWidth) + sq((y - cy) / heartHalfHeight);
    }

    /** Frame y of the centre of {@code zone} in the lung of {@code side}. */
    public double zoneY(Side side, Zone zone) {
        double bottom = domeTop(side);
        return apexY + 0.04 + (bottom - apexY - 0.04) * zone.centre();
    }

    /** Frame height of one lung zone. */
    public double zoneHeight(Side side) {
        return (domeTop(side) - apexY) / 3.0;
    }

    static double sq(double v) {
        return v * v;
    }
}
