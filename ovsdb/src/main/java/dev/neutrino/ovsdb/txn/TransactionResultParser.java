package dev.neutrino.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.codec.RowCodec;
import dev.neutrino.ovsdb.codec.ValueCodec;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads a {@code transact} reply (RFC 7047 section 4.1.3): one result per operation; when an
 * operation failed its slot holds {@code {"error", "details"}} (and later slots are null); when the
 * commit failed there is one extra element with the error. Any error becomes an
 * {@link OvsdbTransactionException}.
 */
public final class TransactionResultParser {
    private TransactionResultParser() {}

    /**
     * @param schema when present, selected rows get each column's canonical shape
     * @throws OvsdbTransactionException when an operation or the commit failed
     */
    public static TransactionResult parse(List<Operation> operations, JsonNode result, Optional<DatabaseSchema> schema) {
        if (!result.isArray()) {
            throw new OvsdbProtocolException("transact result is not an array: " + result);
        }
        for (int i = 0; i < result.size(); i++) {
            JsonNode element = result.get(i);
            if (element.isObject() && element.has("error")) {
                Operation failed = i < operations.size() ? operations.get(i) : null;
                throw new OvsdbTransactionException(element.get("error").asText(), text(element.get("details")),
                        failed == null ? -1 : i, failed);
            }
        }
        if (result.size() < operations.size()) {
            throw new OvsdbProtocolException("transact returned " + result.size() + " results for "
                    + operations.size() + " operations: " + result);
        }
        List<OperationResult> results = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            results.add(parseOne(operations.get(i), result.get(i), schema));
        }
        return new TransactionResult(operations, results);
    }

    private static OperationResult parseOne(Operation operation, JsonNode json, Optional<DatabaseSchema> schema) {
        if (json == null || !json.isObject()) {
            throw new OvsdbProtocolException("bad result for " + operation.describe() + ": " + json);
        }
        Optional<UUID> uuid = Optional.empty();
        if (json.has("uuid")) {
            if (!(ValueCodec.decodeAtom(json.get("uuid")) instanceof Atom.UuidAtom atom)) {
                throw new OvsdbProtocolException("bad uuid in result: " + json);
            }
            uuid = Optional.of(atom.value());
        }
        List<Row> rows = new ArrayList<>();
        if (json.has("rows")) {
            Optional<TableSchema> table = operation instanceof Select select
                    ? schema.flatMap(s -> s.table(select.table())) : Optional.empty();
            for (JsonNode row : json.get("rows")) {
                rows.add(RowCodec.decode(row, table));
            }
        }
        OptionalLong count = json.has("count") ? OptionalLong.of(json.get("count").asLong()) : OptionalLong.empty();
        return new OperationResult(uuid, rows, count);
    }

    private static String text(JsonNode json) {
        return json == null || json.isNull() ? null : json.asText();
    }
}
