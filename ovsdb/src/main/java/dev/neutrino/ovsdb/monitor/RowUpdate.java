package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.value.Row;
import java.util.Objects;

/** One {@code <row-update2>}: the kind of change and its row (the diff, for {@link UpdateKind#MODIFY}). */
public record RowUpdate(UpdateKind kind, Row row) {
    public RowUpdate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(row, "row");
    }
}
