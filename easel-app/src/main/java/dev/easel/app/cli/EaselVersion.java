package dev.easel.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version packaged into the jar's manifest ("dev" when run from classes). */
final class EaselVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = EaselVersion.class.getPackage().getImplementationVersion();
        return new String[] {"easel " + (version != null ? version : "dev")};
    }
}
