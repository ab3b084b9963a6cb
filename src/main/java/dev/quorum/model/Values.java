package dev.quorum.model;

import java.util.List;

/** Null-to-empty normalisation used by the records' compact constructors, so readers never see null text or lists. */
final class Values {

    private Values() {
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    static Duration duration(Duration d) {
        return d == null ? Duration.UNSPECIFIED : d;
    }
}
