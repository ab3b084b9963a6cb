package dev.quorum.ui.section;

import java.util.function.Function;

/** One column of a read-only table: the template's column label and help, and how a row shows in it. */
public record ColumnViewModel<R>(String label, String help, Function<R, DisplayValue> value) {
}
