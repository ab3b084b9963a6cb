package dev.quorum.sql;

/** A DDL statement the importer did not use: where it starts, what it looked like, and why it was skipped. */
public record SkippedStatement(int line, String summary, String reason) {
}
