package dev.quorum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into the jar, so --version always matches the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The product version, or "development" when run from an unfiltered classpath. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/quorum/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "development";
        }
        String v = p.getProperty("version", "development");
        return v.startsWith("${") ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Quorum " + version(), "Design file format " + dev.quorum.io.DesignYaml.FORMAT_VERSION};
    }
}
