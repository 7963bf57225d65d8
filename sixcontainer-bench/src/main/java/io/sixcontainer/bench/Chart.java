package io.sixcontainer.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the latency pairs as horizontal bars (median, with a min-max whisker), one group
 * per pair, with Java2D on a headless image.
 */
final class Chart {

    private static final int WIDTH = 1000;
    private static final int LEFT = 330;
    private static final int BAR = 18;
    private static final Color US = new Color(0x2b6cb0);
    private static final Color THEM = new Color(0xa0aec0);

    private record Bar(String label, Stats stats, boolean us) {
    }

    private Chart() {
    }

    static void write(Results results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Bar> bars = new ArrayList<>();
        for (PairResult p : results.latency) {
            bars.add(new Bar(p.a(), p.aStats(), true));
            bars.add(new Bar(p.b(), p.bStats(), false));
        }
        for (PairResult p : results.exec) {
            bars.add(new Bar(p.a(), p.aStats(), true));
            bars.add(new Bar(p.b(), p.bStats(), false));
        }
        for (PairResult p : results.cli) {
            bars.add(new Bar(p.a(), p.aStats(), true));
            bars.add(new Bar(p.b(), p.bStats(), false));
        }
        int height = 70 + bars.size() * (BAR + 8) + (bars.size() / 2) * 10 + 40;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Launch -> exit of /bin/true, median ms (whisker: min-max), pairs run alternately", 20, 28);
            double scale = scale(bars);
            drawAxis(g, scale, height);
            int y = 60;
            for (int i = 0; i < bars.size(); i++) {
                drawBar(g, bars.get(i), y, scale);
                y += BAR + 8;
                if (i % 2 == 1) {
                    y += 10;
                }
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", png.toFile());
    }

    // Log scale from 1 ms: the contenders span a few ms (unshare) to seconds (a JVM CLI). The
    // widest whisker plus its label must fit.
    private static double scale(List<Bar> bars) {
        double max = bars.stream().mapToDouble(b -> b.stats().max()).max().orElse(1);
        return (WIDTH - LEFT - 70) / Math.log10(Math.max(max, 10));
    }

    private static int x(double ms, double scale) {
        return LEFT + (int) Math.round(Math.log10(Math.max(ms, 1.0)) * scale);
    }

    private static void drawAxis(Graphics2D g, double scale, int height) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double ms : new double[] {1, 10, 100, 1000, 10000}) {
            int x = x(ms, scale);
            if (x > WIDTH - 30) {
                break;
            }
            g.setColor(new Color(0xe2e8f0));
            g.drawLine(x, 45, x, height - 30);
            g.setColor(Color.DARK_GRAY);
            g.drawString((int) ms + " ms", x - 14, height - 14);
        }
    }

    private static void drawBar(Graphics2D g, Bar b, int y, double scale) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString(b.label(), 20, y + BAR - 4);
        int x0 = x(1.0, scale);
        g.setColor(b.us() ? US : THEM);
        g.fillRect(x0, y, x(b.stats().median(), scale) - x0, BAR);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        int mid = y + BAR / 2;
        g.drawLine(x(b.stats().min(), scale), mid, x(b.stats().max(), scale), mid);
        g.drawString(String.format("%.1f", b.stats().median()), x(b.stats().max(), scale) + 6, y + BAR - 4);
    }
}
