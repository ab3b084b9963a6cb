package dev.quorum.service;

import java.util.List;

/** The sample designs that ship in the jar under {@code samples/}, in the order they are offered. */
public final class SampleCatalog {

    /** The file names of the bundled samples. */
    public static final List<String> FILES = List.of(
            "ecommerce.quorum.yaml",
            "live-scores.quorum.yaml",
            "payments.quorum.yaml",
            "quorum-store.quorum.yaml",
            "flawed-startup.quorum.yaml");

    private SampleCatalog() {
    }

    /** The classpath resource of a sample file. */
    public static String resource(String fileName) {
        return "/samples/" + fileName;
    }
}
