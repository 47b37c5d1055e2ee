package dev.lookalike.tools.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * An HTML page that shows each query image beside its results as a grid of images with scores and
 * categories, so that people can judge visual results by looking. Images are inlined as data URIs, so
 * the page is one self-contained file.
 */
final class ResultsPage {

    /**
     * One shown image.
     *
     * @param image    the picture
     * @param caption  first caption line, e.g. the category
     * @param detail   second caption line, e.g. the score
     * @param verdict  {@code true}: shown as a match, {@code false}: as a miss, {@code null}: neutral
     */
    record Tile(BufferedImage image, String caption, String detail, Boolean verdict) {
    }

    /**
     * A query and its results.
     *
     * @param title   the row's heading
     * @param query   the query image
     * @param results the results, best first
     */
    record Row(String title, Tile query, List<Tile> results) {
    }

    private final String title;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    ResultsPage(String title) {
        this.title = title;
    }

    /** @param html a paragraph of trusted HTML (our own text and figures) */
    void paragraph(String html) {
        paragraphs.add(html);
    }

    void row(Row row) {
        rows.add(row);
    }

    void write(Path file) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append(".row{display:flex;gap:10px;align-items:flex-start;margin:18px 0;flex-wrap:wrap}")
                .append(".tile{width:104px;text-align:center;font-size:12px}")
                .append(".tile img{width:96px;height:96px;object-fit:contain;image-rendering:pixelated;border:4px solid #ccc;background:#000}")
                .append(".query img{border-color:#36c;background:#fff}.hit img{border-color:#2a2}.miss img{border-color:#d33}")
                .append(".sep{width:2px;align-self:stretch;background:#36c}h2{font-size:15px;margin:4px 0}")
                .append("\n</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>\n");
        }
        html.append("<p>Blue: the query. Green border: same category as the query's; red: another category.</p>\n");
        for (Row row : rows) {
            html.append("<h2>").append(escape(row.title())).append("</h2>\n<div class=\"row\">");
            tile(html, row.query(), "query");
            html.append("<div class=\"sep\"></div>");
            for (Tile t : row.results()) {
                tile(html, t, t.verdict() == null ? "" : t.verdict() ? "hit" : "miss");
            }
            html.append("</div>\n");
        }
        html.append("</body></html>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static void tile(StringBuilder html, Tile t, String cls) {
        html.append("<div class=\"tile ").append(cls).append("\"><img alt=\"").append(escape(t.caption()))
                .append("\" src=\"data:image/png;base64,").append(png(t.image())).append("\"><br>")
                .append(escape(t.caption())).append("<br>").append(escape(t.detail())).append("</div>");
    }

    private static String png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
