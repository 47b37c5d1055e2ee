package dev.lookalike.solrnode;

/**
 * A launch that cannot go ahead because of its input: a missing or malformed plug-in zip or configset, a home that
 * cannot be laid out, a node or server that did not come up. The message names the file or option and what was
 * expected; the launcher prints it and exits with status 2.
 */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, naming the input */
    public LaunchException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong, naming the input
     * @param cause   the underlying failure
     */
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
