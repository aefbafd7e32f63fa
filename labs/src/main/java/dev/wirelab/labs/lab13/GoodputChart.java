package dev.wirelab.labs.lab13;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws the sweep twice: as bars in the terminal, and as an SVG line chart for the projector. */
public final class GoodputChart {
  private static final int BAR_COLUMNS = 28;
  private static final String[] COLOURS = {"#d9480f", "#1864ab"};
  private static final int PANEL_WIDTH = 340;
  private static final int LEFT = 56;
  private static final int TOP = 70;
  private static final int PLOT_WIDTH = 250;
  private static final int PLOT_HEIGHT = 200;
  private static final int LEGEND_Y = TOP + PLOT_HEIGHT + 66;
  private static final int HEIGHT = LEGEND_Y + 24;

  private GoodputChart() {}

  /** A bar per x and strategy, scaled to the panel's best goodput; at most 90 columns wide. */
  public static List<String> terminal(Panel panel) {
    List<String> lines = new ArrayList<>();
    lines.add(panel.title());
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %8s", panel.xName()));
    for (Panel.Series line : panel.series()) {
      header.append(String.format(Locale.ROOT, "  %-" + (BAR_COLUMNS + 7) + "s", line.name()));
    }
    lines.add(header.toString().stripTrailing() + "  (KiB/s)");
    double max = panel.maxGoodput();
    for (int x = 0; x < panel.xLabels().size(); x++) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "  %8s", panel.xLabels().get(x)));
      for (Panel.Series line : panel.series()) {
        double value = line.kibPerSecond().get(x);
        row.append("  ")
            .append(bar(value, max))
            .append(String.format(Locale.ROOT, " %6.1f", value));
      }
      lines.add(row.toString());
    }
    return lines;
  }

  private static String bar(double value, double max) {
    int eighths = max <= 0 ? 0 : (int) Math.round(value / max * BAR_COLUMNS * 8);
    StringBuilder bar = new StringBuilder("█".repeat(eighths / 8));
    if (eighths % 8 != 0) {
      bar.append("▏▎▍▌▋▊▉".charAt(eighths % 8 - 1));
    }
    return String.format(Locale.ROOT, "%-" + BAR_COLUMNS + "s", bar);
  }

  /** The panels side by side, each with its axes, grid, lines and a legend. */
  public static String svg(String title, List<Panel> panels) {
    int width = PANEL_WIDTH * panels.size() + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
            width,
            HEIGHT,
            width,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"28\" font-size=\"18\" " + "text-anchor=\"middle\">%s</text>%n",
            width / 2,
            escape(title)));
    for (int i = 0; i < panels.size(); i++) {
      panel(svg, panels.get(i), 10 + i * PANEL_WIDTH);
    }
    List<Panel.Series> series = panels.get(0).series();
    for (int s = 0; s < series.size(); s++) {
      int x = width / 2 - 150 + s * 180;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                  + "stroke=\"%s\" stroke-width=\"3\"/>%n",
              x,
              LEGEND_Y,
              x + 30,
              LEGEND_Y,
              COLOURS[s]));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"14\">%s</text>%n",
              x + 38,
              LEGEND_Y + 5,
              escape(series.get(s).name())));
    }
    return svg.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder svg, Panel panel, int offset) {
    int left = offset + LEFT;
    int bottom = TOP + PLOT_HEIGHT;
    double top = niceCeiling(panel.maxGoodput());
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"13\" " + "text-anchor=\"middle\">%s</text>%n",
            left + PLOT_WIDTH / 2,
            TOP - 12,
            escape(panel.title())));
    for (int tick = 0; tick <= 4; tick++) {
      double value = top * tick / 4;
      double y = bottom - PLOT_HEIGHT * tick / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" " + "stroke=\"#dddddd\"/>%n",
              left,
              y,
              left + PLOT_WIDTH,
              y));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" " + "text-anchor=\"end\">%.0f</text>%n",
              left - 6,
              y + 4,
              value));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
                + "transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\">goodput (KiB/s)</text>%n",
            offset + 14,
            TOP + PLOT_HEIGHT / 2,
            offset + 14,
            TOP + PLOT_HEIGHT / 2));
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%d,%d %d,%d %d,%d\" fill=\"none\" " + "stroke=\"black\"/>%n",
            left,
            TOP,
            left,
            bottom,
            left + PLOT_WIDTH,
            bottom));
    int count = panel.xLabels().size();
    for (int x = 0; x < count; x++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" " + "text-anchor=\"middle\">%s</text>%n",
              xAt(left, x, count),
              bottom + 16,
              escape(panel.xLabels().get(x))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"12\" " + "text-anchor=\"middle\">%s</text>%n",
            left + PLOT_WIDTH / 2,
            bottom + 36,
            escape(panel.xName())));
    for (int s = 0; s < panel.series().size(); s++) {
      List<Double> values = panel.series().get(s).kibPerSecond();
      StringBuilder points = new StringBuilder();
      for (int x = 0; x < count; x++) {
        double y = bottom - values.get(x) / top * PLOT_HEIGHT;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xAt(left, x, count), y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" " + "fill=\"%s\"/>%n",
                xAt(left, x, count),
                y,
                COLOURS[s]));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" " + "stroke-width=\"2.5\"/>%n",
              points.toString().trim(),
              COLOURS[s]));
    }
  }

  private static double xAt(int left, int index, int count) {
    return left + PLOT_WIDTH * (index + 0.5) / count;
  }

  /** 1, 2, 4 or 8 times a power of ten, at or above {@code value}: quarters are round numbers. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 4, 8, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
