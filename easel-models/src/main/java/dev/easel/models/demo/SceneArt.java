package dev.easel.models.demo;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

import static dev.easel.models.demo.Canvas.SIZE;
import static dev.easel.models.demo.Canvas.polygon;

/** The drawings behind {@link Scene}: bold shapes and gradients that stay readable at 64×64. */
final class SceneArt {
    private SceneArt() {
    }

    static void galaxyBottle(Canvas c) {
        c.gradient(0, 400, 0x1B1446, 0xB0609A);
        c.stars(new Rectangle2D.Double(0, 0, SIZE, 260), 40, 2.2);
        c.hills(360, 22, 420, 0.6, 0x3E7A3A, 0x1D4222);
        c.hills(410, 16, 300, 2.1, 0x2F6B2C, 0x123018);
        Shape bottle = bottleShape(256, 482, 230, 330);
        c.fill(bottle, 0x4A1E8A, 0x12052E);
        c.glow(245, 350, 130, 0xC040FF, 200);
        c.glow(290, 300, 80, 0x5AA0FF, 160);
        c.stars(bottle, 70, 3.2);
        c.fill(new RoundRectangle2D.Double(224, 132, 64, 34, 10, 10), 0x8A5A2B);
        c.fill(new Rectangle2D.Double(170, 290, 14, 150), 0xE8E0FF);
    }

    static void mountainMeadow(Canvas c) {
        c.gradient(0, 400, 0x3E86E0, 0xBFE2FF);
        cloud(c, 110, 90, 1.0);
        cloud(c, 380, 60, 0.8);
        c.fill(polygon(-40, 360, 150, 120, 330, 360), 0x5C6F8F);
        c.fill(polygon(180, 360, 360, 150, 560, 360), 0x4A5C7C);
        c.fill(polygon(150, 120, 108, 174, 130, 168, 150, 188, 170, 166, 192, 174), 0xFFFFFF);
        c.fill(polygon(360, 150, 326, 193, 346, 186, 362, 204, 380, 186, 398, 196), 0xFFFFFF);
        c.hills(360, 14, 520, 1.2, 0x6CC24A, 0x2F7D2A);
    }

    static void seaSunset(Canvas c) {
        c.gradient(0, 300, 0x40205A, 0xFF8A30);
        c.disc(256, 300, 70, 0xFFD45A);
        c.gradient(300, SIZE, 0x22305E, 0x0A1030);
        for (int i = 0; i < 9; i++) {
            double w = 120 - 11 * i, y = 312 + 20 * i;
            c.fill(new Rectangle2D.Double(256 - w / 2, y, w, 7), 0xFFB04A);
        }
    }

    static void pineForest(Canvas c) {
        c.gradient(0, 400, 0xCFE8F0, 0xF4F0D0);
        c.hills(330, 10, 600, 0.3, 0x4E8F3A, 0x2C5A22);
        int[] greens = {0x1F5A2E, 0x16482A, 0x2A6B35};
        for (int i = 0; i < 9; i++) {
            double x = 30 + i * 56, h = 190 + 40 * Math.sin(i * 1.7);
            c.fill(new Rectangle2D.Double(x - 8, 420, 16, 40), 0x5A3A1E);
            c.fill(polygon(x, 420 - h, x - 45, 430, x + 45, 430), greens[i % 3]);
        }
    }

    static void redFlower(Canvas c) {
        c.gradient(0, SIZE, 0x9FD08A, 0x3E7A35);
        c.fill(new Rectangle2D.Double(250, 250, 12, 262), 0x2F6A24);
        c.fill(new Ellipse2D.Double(262, 360, 90, 34), 0x3E8A2E);
        c.fill(new Ellipse2D.Double(160, 400, 90, 34), 0x3E8A2E);
        for (int i = 0; i < 6; i++) {
            double a = i * Math.PI / 3, x = 256 + 70 * Math.cos(a), y = 200 + 70 * Math.sin(a);
            c.disc(x, y, 58, i % 2 == 0 ? 0xD81E2C : 0xE83A40);
        }
        c.disc(256, 200, 42, 0xFFC83A);
    }

    static void cat(Canvas c) {
        c.gradient(0, SIZE, 0xFFC07A, 0xE07A3A);
        Area body = new Area(new Ellipse2D.Double(146, 250, 220, 250));
        body.add(new Area(new Ellipse2D.Double(171, 110, 170, 150)));
        body.add(new Area(polygon(180, 160, 190, 60, 250, 120)));
        body.add(new Area(polygon(332, 160, 322, 60, 262, 120)));
        body.add(new Area(new RoundRectangle2D.Double(340, 400, 110, 28, 28, 28)));
        c.fill(body, 0x2A2230);
        c.fill(new Ellipse2D.Double(205, 160, 34, 26), 0x9CF04A);
        c.fill(new Ellipse2D.Double(273, 160, 34, 26), 0x9CF04A);
        c.fill(polygon(246, 210, 266, 210, 256, 222), 0xF08AA0);
    }

    static void cityNight(Canvas c) {
        c.gradient(0, SIZE, 0x070B24, 0x1E2E66);
        c.stars(new Rectangle2D.Double(0, 0, SIZE, 200), 30, 2);
        c.disc(410, 90, 38, 0xF4F0D8);
        double x = 0;
        while (x < SIZE) {
            double w = 50 + c.random.nextInt(50), h = 140 + c.random.nextInt(220);
            c.fill(new Rectangle2D.Double(x, SIZE - h, w - 6, h), 0x141826);
            for (double wy = SIZE - h + 14; wy < SIZE - 14; wy += 26) {
                for (double wx = x + 8; wx < x + w - 18; wx += 16) {
                    if (c.random.nextInt(3) > 0) c.fill(new Rectangle2D.Double(wx, wy, 8, 12), 0xFFD866);
                }
            }
            x += w;
        }
    }

    static void spiralGalaxy(Canvas c) {
        c.gradient(0, SIZE, 0x05030F, 0x120A2A);
        c.stars(new Rectangle2D.Double(0, 0, SIZE, SIZE), 120, 2.4);
        for (int arm = 0; arm < 2; arm++) {
            for (int i = 0; i < 40; i++) {
                double a = arm * Math.PI + i * 0.16, r = 10 + i * 5.2;
                c.glow(256 + r * Math.cos(a), 256 + r * Math.sin(a) * 0.7, 44 - i * 0.5, i % 3 == 0 ? 0x70A0FF : 0xB050F0, 90);
            }
        }
        c.glow(256, 256, 90, 0xFFE8FF, 230);
    }

    static void oceanDay(Canvas c) {
        c.gradient(0, 260, 0x2E7FE0, 0xA8D8FF);
        cloud(c, 150, 80, 1.1);
        cloud(c, 390, 130, 0.7);
        c.gradient(260, 470, 0x1AA0B8, 0x0A5A8A);
        for (int i = 0; i < 6; i++) c.fill(new Rectangle2D.Double(40 + 70 * i, 290 + 20 * i, 60, 5), 0xDFF6FF);
        c.hills(430, 12, 700, 0.9, 0xF2DDA0, 0xD8B878);
    }

    static void bottleStillLife(Canvas c) {
        c.gradient(0, 380, 0xEADCC0, 0xC8B08A);
        c.fill(new Rectangle2D.Double(0, 380, SIZE, 132), 0x8A5A30, 0x5A3518);
        c.fill(bottleShape(256, 420, 150, 320), 0x3FA050, 0x10401C);
        c.fill(new Rectangle2D.Double(220, 250, 12, 140), 0xC8F0C8);
        c.fill(new Ellipse2D.Double(150, 410, 212, 24), 0x4A2A12);
    }

    static void starryHills(Canvas c) {
        c.gradient(0, 380, 0x02061E, 0x18306A);
        c.stars(new Rectangle2D.Double(0, 0, SIZE, 380), 150, 2.6);
        c.disc(120, 110, 44, 0xFFF6D0);
        c.disc(138, 98, 40, 0x081234);
        c.hills(360, 30, 460, 2.4, 0x14203A, 0x080C18);
        c.hills(420, 20, 330, 0.4, 0x0E1628, 0x04060C);
    }

    /** A round-bodied bottle standing on {@code (cx, base)}. */
    private static Shape bottleShape(double cx, double base, double width, double height) {
        double neck = width * 0.26, shoulder = base - height * 0.62;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(cx - neck / 2, base - height);
        path.lineTo(cx - neck / 2, shoulder - height * 0.12);
        path.curveTo(cx - neck / 2, shoulder, cx - width / 2, shoulder, cx - width / 2, shoulder + height * 0.16);
        path.lineTo(cx - width / 2, base - 18);
        path.quadTo(cx - width / 2, base, cx - width / 2 + 18, base);
        path.lineTo(cx + width / 2 - 18, base);
        path.quadTo(cx + width / 2, base, cx + width / 2, base - 18);
        path.lineTo(cx + width / 2, shoulder + height * 0.16);
        path.curveTo(cx + width / 2, shoulder, cx + neck / 2, shoulder, cx + neck / 2, shoulder - height * 0.12);
        path.lineTo(cx + neck / 2, base - height);
        path.closePath();
        return path;
    }

    private static void cloud(Canvas c, double x, double y, double scale) {
        c.disc(x, y, 34 * scale, 0xFFFFFF);
        c.disc(x - 38 * scale, y + 12 * scale, 26 * scale, 0xFFFFFF);
        c.disc(x + 40 * scale, y + 10 * scale, 28 * scale, 0xFFFFFF);
        c.fill(new Rectangle2D.Double(x - 62 * scale, y + 10 * scale, 128 * scale, 28 * scale), 0xFFFFFF);
    }
}
