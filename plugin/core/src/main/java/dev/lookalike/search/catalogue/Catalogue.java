package dev.lookalike.search.catalogue;

import dev.lookalike.search.SearchInputException;
import java.util.List;

/**
 * A whole catalogue as read: its valid items and one error per bad line.
 *
 * @param items  the valid items, in file order; ids are unique
 * @param errors one per bad line, in file order, each naming the line and the problem
 */
public record Catalogue(List<CatalogueItem> items, List<SearchInputException> errors) {

    /** Copies both lists so that the catalogue is immutable. */
    public Catalogue {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }
}
