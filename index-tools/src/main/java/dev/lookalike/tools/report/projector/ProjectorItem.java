package dev.lookalike.tools.report.projector;

import java.nio.file.Path;

/**
 * What an embedding projector export shows of one indexed item: a row of {@code vectors.tsv}, a row of
 * {@code metadata.tsv} and a tile of the sprite.
 *
 * @param id            the item id
 * @param category      the catalogue category, or {@code null}
 * @param proxyCategory the category the index's proxies assigned, or {@code null} when the index stores none
 * @param title         the title, or {@code null}
 * @param image         the image file, or {@code null} when the index does not know where it lies
 * @param vector        the stored vector
 */
record ProjectorItem(String id, String category, String proxyCategory, String title, Path image, float[] vector) {
}
