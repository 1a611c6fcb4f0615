import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws Quire's icon: an open quire of cream leaves on an ink-blue tile, sewn down its fold with a
 * red thread. Writes the PNGs each OS wants, a Windows .ico and a macOS .icns (both PNG-based).
 *
 * <pre>java src/package/QuireIcon.java src/package</pre>
 */
public final class QuireIcon {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/package");
        Files.createDirectories(out.resolve("linux"));
        Files.createDirectories(out.resolve("windows"));
        Files.createDirectories(out.resolve("macos"));
        Path window = out.resolveSibling("main/resources/dev/quire/ui");
        ImageIO.write(draw(512), "png", out.resolve("linux/Quire.png").toFile());
        for (int size : new int[] {16, 32, 64, 128}) {
            ImageIO.write(draw(size), "png", window.resolve("quire-" + size + ".png").toFile());
        }
        Map<Integer, byte[]> ico = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            ico.put(size, png(draw(size)));
        }
        Files.write(out.resolve("windows/Quire.ico"), ico(ico));
        Map<String, byte[]> icns = new LinkedHashMap<>();
        icns.put("icp4", png(draw(16)));
        icns.put("icp5", png(draw(32)));
        icns.put("icp6", png(draw(64)));
        icns.put("ic07", png(draw(128)));
        icns.put("ic08", png(draw(256)));
        icns.put("ic09", png(draw(512)));
        icns.put("ic10", png(draw(1024)));
        icns.put("ic11", png(draw(32)));
        icns.put("ic12", png(draw(64)));
        icns.put("ic13", png(draw(256)));
        icns.put("ic14", png(draw(512)));
        Files.write(out.resolve("macos/Quire.icns"), icns(icns));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size / 100.0;
        g.scale(s, s);

        // the tile
        g.setPaint(new GradientPaint(0, 0, new Color(0x2C3E66), 0, 100, new Color(0x1A2440)));
        g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));

        // the leaves, fanned a little on each side of the fold
        Color[] leaves = {new Color(0xD9CFB8), new Color(0xE8DFC9), new Color(0xF7F1E3)};
        for (int i = 0; i < leaves.length; i++) {
            double lift = (leaves.length - 1 - i) * 3.2;
            g.setColor(leaves[i]);
            g.fill(leaf(true, lift));
            g.fill(leaf(false, lift));
        }
        // lines of writing on the top leaves
        if (size >= 32) {
            g.setColor(new Color(0x8C8474));
            g.setStroke(new BasicStroke(size >= 64 ? 2.2f : 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int line = 0; line < 4; line++) {
                double y = 36 + line * 9;
                g.draw(new java.awt.geom.Line2D.Double(22, y + 1.5, 43, y));
                if (line < 3) {
                    g.draw(new java.awt.geom.Line2D.Double(57, y, 78, y + 1.5));
                }
            }
        }
        // the fold's shadow
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(new java.awt.geom.Rectangle2D.Double(48.5, 26, 3, 52));
        // the thread, sewn through the fold
        Color thread = new Color(0xC8372D);
        g.setColor(thread);
        g.setStroke(new BasicStroke(size >= 32 ? 3.2f : 4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double[] stitches = size >= 48 ? new double[] {30, 45, 60} : new double[] {32, 56};
        for (double y : stitches) {
            g.draw(new java.awt.geom.Line2D.Double(50, y, 50, y + 9));
        }
        // its tail, loose below the leaves
        Path2D tail = new Path2D.Double();
        tail.moveTo(50, 76);
        tail.curveTo(51, 84, 60, 82, 64, 88);
        g.draw(tail);
        g.dispose();
        return image;
    }

    /** One side of the open quire: a page curving up from the fold to its outer edge. */
    private static Path2D leaf(boolean left, double lift) {
        double dir = left ? -1 : 1;
        double outer = 50 + dir * (34 - lift * 0.2);
        Path2D p = new Path2D.Double();
        p.moveTo(50, 28 - lift * 0.3);
        p.curveTo(50 + dir * 10, 22 - lift, 50 + dir * 24, 22 - lift, outer, 25 - lift);
        p.lineTo(outer, 74 - lift);
        p.curveTo(50 + dir * 24, 71 - lift, 50 + dir * 10, 71 - lift, 50, 78 - lift * 0.3);
        p.closePath();
        return p;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** A .ico whose entries are PNGs (Windows Vista and later). */
    private static byte[] ico(Map<Integer, byte[]> images) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int offset = 6 + 16 * images.size();
        writeLe16(bytes, 0);
        writeLe16(bytes, 1);
        writeLe16(bytes, images.size());
        for (Map.Entry<Integer, byte[]> e : images.entrySet()) {
            int size = e.getKey();
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(0);
            bytes.write(0);
            writeLe16(bytes, 1);
            writeLe16(bytes, 32);
            writeLe32(bytes, e.getValue().length);
            writeLe32(bytes, offset);
            offset += e.getValue().length;
        }
        for (byte[] png : images.values()) {
            bytes.write(png);
        }
        return bytes.toByteArray();
    }

    /** An .icns whose entries are PNGs, keyed by their OSType. */
    private static byte[] icns(Map<String, byte[]> images) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, byte[]> e : images.entrySet()) {
            data.writeBytes(e.getKey());
            data.writeInt(8 + e.getValue().length);
            data.write(e.getValue());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream head = new DataOutputStream(bytes);
        head.writeBytes("icns");
        head.writeInt(8 + body.size());
        head.write(body.toByteArray());
        return bytes.toByteArray();
    }

    private static void writeLe16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void writeLe32(ByteArrayOutputStream out, int v) {
        writeLe16(out, v & 0xFFFF);
        writeLe16(out, (v >>> 16) & 0xFFFF);
    }
}
