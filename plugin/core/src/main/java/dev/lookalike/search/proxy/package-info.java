/**
 * Category proxies of an index: one unit vector per category of the catalogue, taken from the model where the
 * model knows the category and otherwise the normalised mean of the category's items
 * ({@link dev.lookalike.search.proxy.CategoryProxyBuilder}, {@link dev.lookalike.search.proxy.IndexProxies});
 * each item's distribution over them ({@link dev.lookalike.search.proxy.ProxyAssignment}) and how two
 * distributions agree ({@link dev.lookalike.search.proxy.DistributionAgreement}).
 */
package dev.lookalike.search.proxy;
