package dev.lookalike.search.proxy;

/**
 * How much two distributions over the same categories agree: the Bhattacharyya coefficient Σ √(p·q).
 * It is 1 exactly when the distributions are equal and 0 when they share no category, whatever their
 * entropy; the dot product Σ p·q, by contrast, is 1/C for two equal uniform distributions, so it would
 * punish an uncertain query for being uncertain rather than for disagreeing. Costs O(categories).
 */
public final class DistributionAgreement {

    private DistributionAgreement() {
    }

    /**
     * @param p a distribution
     * @param q a distribution over the same categories
     * @return the Bhattacharyya coefficient, in [0, 1]
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double bhattacharyya(float[] p, float[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions over " + p.length + " and " + q.length + " categories");
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            sum += Math.sqrt(Math.max(0, (double) p[c]) * Math.max(0, (double) q[c]));
        }
        return Math.min(1, sum);
    }
}
