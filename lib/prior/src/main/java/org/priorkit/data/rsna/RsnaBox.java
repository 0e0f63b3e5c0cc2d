package org.priorkit.data.rsna;

/**
 * A pneumonia box in pixels of the original image: top-left corner and size.
 *
 * @param x left edge (column)
 * @param y top edge (row)
 * @param width along x, positive
 * @param height along y, positive
 */
public record RsnaBox(float x, float y, float width, float height) {

    public RsnaBox {
        if (!(Float.isFinite(x) && Float.isFinite(y) && Float.isFinite(width) && Float.isFinite(height))) {
            throw new IllegalArgumentException("box values must be finite: " + x + "," + y + "," + width + "," + height);
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("need x, y >= 0 and width, height > 0; got x=" + x + " y=" + y
                    + " width=" + width + " height=" + height);
        }
    }
}
