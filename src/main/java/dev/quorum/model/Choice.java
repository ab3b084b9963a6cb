package dev.quorum.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An option from one of the template's option lists, written in files by its stable id. */
public interface Choice {

    /** The id written in design files, for example "read-heavy". */
    String id();

    /** The label shown to people, for example "Read-heavy". */
    String label();

    /** Finds the constant of {@code type} whose id is {@code id}. */
    static <E extends Enum<E> & Choice> Optional<E> byId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.id().equals(id)).findFirst();
    }

    /** The allowed ids of {@code type}, comma separated, for error messages. */
    static String allowedIds(Class<? extends Choice> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::id).collect(Collectors.joining(", "));
    }
}
