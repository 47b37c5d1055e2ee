package dev.lookalike.e2e.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Copies of the plug-in's example configset under other names, with one of their files edited as text. */
final class ConfigSetCopy {

    private ConfigSetCopy() {
    }

    /**
     * @param example the example configset
     * @param into    the folder the copy goes in
     * @param name    the copy's name: its folder, and the configset's name on the node
     * @param file    a file under {@code conf/}, e.g. {@code solrconfig.xml}
     * @param edit    what becomes of that file's text
     * @return the copy
     * @throws IOException if a file cannot be copied or written
     */
    static Path of(Path example, Path into, String name, String file, UnaryOperator<String> edit)
            throws IOException {
        Path copy = into.resolve(name);
        try (var files = Files.walk(example)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(example.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path edited = copy.resolve("conf").resolve(file);
        Files.writeString(edited, edit.apply(Files.readString(edited)));
        return copy;
    }
}
