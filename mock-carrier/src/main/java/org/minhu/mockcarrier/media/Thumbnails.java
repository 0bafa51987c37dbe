package org.minhu.mockcarrier.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Small JPEG previews, as a phone makes before sending a file. A file that is not a picture the
 * JDK can read gets a plain grey tile, so every file push still carries a thumbnail.
 */
public final class Thumbnails {

    static final int EDGE = 240;

    private Thumbnails() {
    }

    public static byte[] of(byte[] file) {
        BufferedImage source = read(file);
        BufferedImage thumbnail;
        if (source == null) {
            thumbnail = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = thumbnail.createGraphics();
            g.setColor(new Color(0xD9DDE3));
            g.fillRect(0, 0, 96, 96);
            g.dispose();
        } else {
            double scale = Math.min(1.0, (double) EDGE / Math.max(source.getWidth(), source.getHeight()));
            int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
            thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = thumbnail.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(thumbnail, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] file) {
        try {
            return ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
