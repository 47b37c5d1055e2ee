package dev.lookalike.e2e.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who runs the OpenSearch node. OpenSearch refuses to start as root, so when the tests run as root this creates
 * (once; idempotent) a system user without a home or a login shell, gives it the node's folders and starts the
 * node as that user through {@code setpriv}. When the tests run as anyone else, the node runs as them.
 */
final class UnprivilegedUser {

    /** The system user the node runs as when the tests run as root. */
    static final String NAME = "lookalike-test";

    private final boolean dropPrivileges;

    private UnprivilegedUser(boolean dropPrivileges) {
        this.dropPrivileges = dropPrivileges;
    }

    /**
     * @return the user to run nodes as: {@value #NAME}, created if missing, when this JVM runs as root; else the
     *         current user
     * @throws IOException if the user cannot be created
     */
    static UnprivilegedUser forNodes() throws IOException {
        if (!"0".equals(run(List.of("id", "-u")).strip())) {
            return new UnprivilegedUser(false);
        }
        if (!exists()) {
            try {
                run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
            } catch (IOException e) {
                // Another JVM may have created it meanwhile.
                if (!exists()) {
                    throw e;
                }
            }
        }
        return new UnprivilegedUser(true);
    }

    private static boolean exists() {
        try {
            run(List.of("id", "-u", NAME));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Gives a folder and everything in it to this user; does nothing when privileges are not dropped.
     *
     * @param dir the folder
     * @throws IOException if {@code chown} fails
     */
    void own(Path dir) throws IOException {
        if (dropPrivileges) {
            run(List.of("chown", "-R", NAME + ":", dir.toString()));
        }
    }

    /**
     * @param command a command line
     * @return the command line that runs it as this user
     */
    List<String> commandAs(List<String> command) {
        if (!dropPrivileges) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public String toString() {
        return dropPrivileges ? NAME : System.getProperty("user.name");
    }

    /** Runs a short command, returns its output, and fails with that output when it exits non-zero. */
    static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 2 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
