package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.Row;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The results of a successful {@code transact}, one per operation, in order. */
public record TransactionResult(List<Operation> operations, List<OperationResult> results) {
    public TransactionResult {
        operations = List.copyOf(operations);
        results = List.copyOf(results);
        if (operations.size() != results.size()) {
            throw new IllegalArgumentException(operations.size() + " operations but " + results.size() + " results");
        }
    }

    public OperationResult result(int index) {
        return results.get(index);
    }

    /** The rows selected by the operation at {@code index}. */
    public List<Row> rows(int index) {
        return results.get(index).rows();
    }

    /** The UUID given to the row inserted with {@code uuid-name} {@code uuidName}. */
    public UUID uuidOf(String uuidName) {
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i) instanceof Insert insert && insert.uuidName().equals(Optional.of(uuidName))) {
                return results.get(i).uuid().orElseThrow();
            }
        }
        throw new IllegalArgumentException("no insert with uuid-name '" + uuidName + "' in this transaction");
    }

    /** Every inserted row's UUID by its uuid-name. */
    public Map<String, UUID> namedUuids() {
        LinkedHashMap<String, UUID> named = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i) instanceof Insert insert && insert.uuidName().isPresent()) {
                named.put(insert.uuidName().get(), results.get(i).uuid().orElseThrow());
            }
        }
        return Collections.unmodifiableMap(named);
    }
}
