package org.priorkit.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.Set;

/**
 * PRIOR's architecture as one figure, drawn by the kit, with the parts a notebook builds highlighted:
 *
 * <pre>
 *   X-ray  -> image encoder -> region tokens -> attention pool -> image vector  \
 *                                  |  local alignment (sentences <-> regions)   global alignment
 *   report -> text encoder  -> sentences -> prototype memory -> attention pool -> report vector /
 *   stage 3: image decoder (regions + text context -> X-ray), sentence decoder (regions -> prototypes)
 * </pre>
 *
 * Every notebook opens with it ({@code display(ArchitectureFigure.draw(Part.LOCAL_ALIGNMENT))}), so a
 * student always sees where the piece being built sits.
 */
public final class ArchitectureFigure {

    /** The parts of PRIOR a notebook can highlight. */
    public enum Part {
        DATA, IMAGE_ENCODER, TEXT_ENCODER, GLOBAL_ALIGNMENT, LOCAL_ALIGNMENT, PROTOTYPE_MEMORY,
        IMAGE_RECONSTRUCTION, REPORT_RECONSTRUCTION, DOWNSTREAM
    }

    static final int WIDTH = 960;
    static final int HEIGHT = 400;
    static final Color HIGHLIGHT = new Color(255, 196, 92);
    static final Color PLAIN = new Color(232, 236, 242);
    static final Color INK = new Color(40, 44, 52);
    static final Color MUTED = new Color(120, 128, 140);

    private ArchitectureFigure() {}

    /** The figure with {@code highlighted} filled in orange (none: all plain). */
    public static BufferedImage draw(Part... highlighted) {
        Set<Part> on = highlighted.length == 0 ? EnumSet.noneOf(Part.class) : EnumSet.of(highlighted[0], highlighted);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(INK);
            g.drawString("PRIOR (Cheng et al., ICCV 2023, arXiv 2307.12577)", 12, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(MUTED);
            g.drawString("stage 1: global + local alignment   stage 2: + prototype memory   "
                    + "stage 3: + conditional reconstruction", 12, 40);

            // Columns: inputs, encoders, tokens, pooling / prototypes, global, decoders. Rows: image, local, report.
            box(g, on, Part.DATA, 12, 70, 90, 46, "chest X-ray");
            box(g, on, Part.DATA, 12, 250, 90, 46, "report", "(sentences)");
            box(g, on, Part.IMAGE_ENCODER, 130, 70, 120, 46, "image encoder", "ResNet");
            box(g, on, Part.TEXT_ENCODER, 130, 250, 120, 46, "text encoder", "BERT");
            box(g, on, Part.IMAGE_ENCODER, 280, 70, 110, 46, "region tokens", "I x D");
            box(g, on, Part.TEXT_ENCODER, 280, 250, 110, 46, "sentences", "S x D");
            box(g, on, Part.IMAGE_ENCODER, 420, 70, 130, 46, "attention pool", "image vector");
            box(g, on, Part.PROTOTYPE_MEMORY, 415, 250, 145, 46, "prototype memory", "K prototypes, stage 2+");
            box(g, on, Part.TEXT_ENCODER, 595, 250, 133, 46, "attention pool", "report vector");
            box(g, on, Part.LOCAL_ALIGNMENT, 280, 150, 270, 56, "local alignment",
                    "sigmoid cross-attention, both ways");
            box(g, on, Part.GLOBAL_ALIGNMENT, 595, 150, 133, 56, "global alignment", "InfoNCE over the batch");
            box(g, on, Part.IMAGE_RECONSTRUCTION, 755, 70, 193, 46, "image decoder",
                    "stage 3: regions + text -> X-ray");
            box(g, on, Part.REPORT_RECONSTRUCTION, 755, 250, 193, 46, "sentence decoder",
                    "stage 3: queries -> prototypes");
            box(g, on, Part.DOWNSTREAM, 12, 334, 936, 54, "downstream: linear probe / fine-tuning, zero-shot,"
                    + " image-to-report retrieval, segmentation, detection",
                    "the image encoder (all five) and the text encoder (zero-shot, retrieval) after pretraining");

            arrow(g, 102, 93, 130, 93);
            arrow(g, 102, 273, 130, 273);
            arrow(g, 250, 93, 280, 93);
            arrow(g, 250, 273, 280, 273);
            arrow(g, 390, 93, 420, 93);
            arrow(g, 390, 273, 415, 273);
            arrow(g, 560, 273, 595, 273);
            arrow(g, 335, 116, 335, 150);              // regions -> local alignment
            arrow(g, 335, 250, 335, 206);              // sentences -> local alignment
            arrow(g, 485, 250, 485, 206);              // prototypes replace sentences from stage 2
            arrow(g, 550, 104, 610, 150);              // image vector -> global alignment
            arrow(g, 660, 250, 660, 206);              // report vector -> global alignment
            arrow(g, 540, 150, 790, 116);              // text context -> image decoder
            arrow(g, 335, 70, 335, 56, 851, 56, 851, 70);        // regions -> image decoder
            arrow(g, 738, 56, 738, 273, 755, 273);               // regions -> sentence decoder
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void box(Graphics2D g, Set<Part> on, Part part, int x, int y, int w, int h, String... lines) {
        boolean lit = on.contains(part);
        g.setColor(lit ? HIGHLIGHT : PLAIN);
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setColor(lit ? new Color(170, 100, 0) : new Color(176, 184, 196));
        g.setStroke(new BasicStroke(lit ? 2.4f : 1.2f));
        g.drawRoundRect(x, y, w, h, 12, 12);
        int lineHeight = 15;
        int top = y + (h - lineHeight * lines.length) / 2 + 12;
        for (int i = 0; i < lines.length; i++) {
            g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, i == 0 ? 12 : 11));
            g.setColor(i == 0 ? INK : MUTED);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(lines[i], x + (w - fm.stringWidth(lines[i])) / 2, top + i * lineHeight);
        }
    }

    /** A polyline through (x0, y0), (x1, y1), ... with an arrowhead at its last point. */
    private static void arrow(Graphics2D g, double... xy) {
        g.setColor(MUTED);
        g.setStroke(new BasicStroke(1.6f));
        Path2D line = new Path2D.Double();
        line.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            line.lineTo(xy[i], xy[i + 1]);
        }
        g.draw(line);
        int n = xy.length;
        double x0 = xy[n - 4], y0 = xy[n - 3], x1 = xy[n - 2], y1 = xy[n - 1];
        double len = Math.hypot(x1 - x0, y1 - y0);
        double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(x1 - 9 * ux + 4 * uy, y1 - 9 * uy - 4 * ux);
        head.lineTo(x1 - 9 * ux - 4 * uy, y1 - 9 * uy + 4 * ux);
        head.closePath();
        g.fill(head);
    }
}
