package dev.quorum.sql;

/** A view, known by name only. */
public record View(String schema, SqlName name, int line) {
}
