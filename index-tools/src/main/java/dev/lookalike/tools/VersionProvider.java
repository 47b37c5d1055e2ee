package dev.lookalike.tools;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = LookalikeCommand.class.getPackage().getImplementationVersion();
        return new String[] {"lookalike " + (v == null ? "(development build)" : v)};
    }
}
