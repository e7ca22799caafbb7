package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.Row;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The result of one successful operation: the new row's UUID for an insert, the rows for a select,
 * the number of rows touched for an update, mutate or delete; nothing for the others.
 */
public record OperationResult(Optional<UUID> uuid, List<Row> rows, OptionalLong count) {
    public OperationResult {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(count, "count");
        rows = List.copyOf(rows);
    }

    public static OperationResult empty() {
        return new OperationResult(Optional.empty(), List.of(), OptionalLong.empty());
    }
}
