package dev.easel.models.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** A 512×512 Java2D drawing surface with the few strokes the demo scenes are made of. */
final class Canvas {
    static final int SIZE = 512;

    private final BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    /** Scene-local randomness (star fields, windows), fixed so every run draws the same picture. */
    final Random random;

    Canvas(long seed) {
        this.random = new Random(seed);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    static Color rgb(int hex) {
        return new Color(hex);
    }

    /** A vertical gradient over rows {@code y0..y1}. */
    void gradient(double y0, double y1, int top, int bottom) {
        g.setPaint(new GradientPaint(0, (float) y0, rgb(top), 0, (float) y1, rgb(bottom)));
        g.fill(new Rectangle2D.Double(0, y0, SIZE, y1 - y0));
    }

    void fill(Shape shape, int color) {
        g.setPaint(rgb(color));
        g.fill(shape);
    }

    void fill(Shape shape, int top, int bottom) {
        Rectangle2D box = shape.getBounds2D();
        g.setPaint(new GradientPaint(0, (float) box.getMinY(), rgb(top), 0, (float) box.getMaxY(), rgb(bottom)));
        g.fill(shape);
    }

    void disc(double cx, double cy, double r, int color) {
        fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), color);
    }

    /** A soft round glow fading from {@code inner} to transparent. */
    void glow(double cx, double cy, double r, int inner, int alpha) {
        Color core = new Color((inner >> 16) & 255, (inner >> 8) & 255, inner & 255, alpha);
        Color edge = new Color((inner >> 16) & 255, (inner >> 8) & 255, inner & 255, 0);
        g.setPaint(new RadialGradientPaint((float) cx, (float) cy, (float) r, new float[]{0f, 1f}, new Color[]{core, edge}));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    /** Bright dots scattered inside {@code region}. */
    void stars(Shape region, int count, double maxRadius) {
        Shape previous = g.getClip();
        g.clip(region);
        Rectangle2D box = region.getBounds2D();
        for (int i = 0; i < count; i++) {
            double x = box.getMinX() + random.nextDouble() * box.getWidth();
            double y = box.getMinY() + random.nextDouble() * box.getHeight();
            double r = 1 + random.nextDouble() * (maxRadius - 1);
            disc(x, y, r, random.nextBoolean() ? 0xFFFFFF : 0xFFF4C8);
        }
        g.setClip(previous);
    }

    /** A rolling ridge {@code y = base + amplitude·sin(…)} filled down to the bottom edge. */
    void hills(double base, double amplitude, double period, double phase, int top, int bottom) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, SIZE);
        for (int x = 0; x <= SIZE; x += 4) {
            double wave = Math.sin(2 * Math.PI * x / period + phase) + 0.35 * Math.sin(4.7 * Math.PI * x / period + 2 * phase);
            path.lineTo(x, base + amplitude * wave);
        }
        path.lineTo(SIZE, SIZE);
        path.closePath();
        fill(path, top, bottom);
    }

    static Path2D.Double polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) path.lineTo(xy[i], xy[i + 1]);
        path.closePath();
        return path;
    }

    /** The picture as {@code [3, 512, 512]} planes of R, G, B in −1..1. */
    float[] toPlanes() {
        float[] planes = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int argb = image.getRGB(x, y), i = y * SIZE + x;
                planes[i] = ((argb >> 16) & 255) / 127.5f - 1f;
                planes[plane + i] = ((argb >> 8) & 255) / 127.5f - 1f;
                planes[2 * plane + i] = (argb & 255) / 127.5f - 1f;
            }
        }
        g.dispose();
        return planes;
    }
}
