/**
 * End-to-end tests: the packaged {@code ./lookalike} command line run as a user runs it, on Fashion-MNIST
 * as Debian installs it and with the model bundles that ship in the repository.
 */
package dev.lookalike.e2e;
