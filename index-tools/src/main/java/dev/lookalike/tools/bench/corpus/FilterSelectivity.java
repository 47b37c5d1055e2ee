package dev.lookalike.tools.bench.corpus;

import dev.lookalike.search.index.IndexSchema;

/**
 * The filters of {@code lookalike bench search}: each is one value of the synthetic corpus's catalogue field
 * {@value #FIELD}, which an exact share of the items carry (see {@link #count}). The values are disjoint; the
 * items that carry none of them have the value {@value #OTHER}.
 */
public enum FilterSelectivity {
    /** Keeps 10 % of the items. */
    TEN_PERCENT("p10", 0.10, "10 %"),
    /** Keeps 1 % of the items. */
    ONE_PERCENT("p1", 0.01, "1 %"),
    /** Keeps 0.1 % of the items. */
    TENTH_PERCENT("p0.1", 0.001, "0.1 %");

    /** The catalogue field that carries the value. */
    static final String FIELD = "tag";
    /** The field as term filters name it. */
    public static final String FILTER_FIELD = IndexSchema.FIELD_PREFIX + FIELD;
    /** The value of the items that no filter keeps. */
    static final String OTHER = "other";

    private final String value;
    private final double share;
    private final String percent;

    FilterSelectivity(String value, double share, String percent) {
        this.value = value;
        this.share = share;
        this.percent = percent;
    }

    /** @return the field value this filter keeps */
    public String value() {
        return value;
    }

    /** @return the share of the corpus it is meant to keep, e.g. 0.01 */
    public double share() {
        return share;
    }

    /** @return the share as people write it, e.g. {@code 1 %} */
    public String percent() {
        return percent;
    }

    /**
     * How many of a corpus's items carry this value: the share rounded to the nearest item, but at least one
     * (so that every filter matches something in a small corpus).
     *
     * @param corpusSize the number of items, positive
     * @return the count, before capping by the items still free (see {@link SyntheticCorpus})
     */
    int count(int corpusSize) {
        return (int) Math.max(1, Math.round(share * corpusSize));
    }
}
