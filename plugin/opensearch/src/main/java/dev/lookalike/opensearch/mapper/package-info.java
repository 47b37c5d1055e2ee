/**
 * The {@code image_vector} field type: its mapping parameters, how documents' vectors are parsed and
 * normalised, and the field type that queries and the codec consult.
 */
package dev.lookalike.opensearch.mapper;
