package dev.quorum.service;

import dev.quorum.io.DesignFile;
import dev.quorum.sql.SchemaModel;

/** The result of putting DDL into a design: the updated design and what the importer understood. */
public record SchemaImport(DesignFile file, SchemaModel schema) {
}
