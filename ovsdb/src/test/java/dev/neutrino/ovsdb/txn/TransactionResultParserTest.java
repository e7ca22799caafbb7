package dev.neutrino.ovsdb.txn;

import static dev.neutrino.ovsdb.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.TestSchemas;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.Row;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionResultParserTest {
    private static final UUID U1 = UUID.fromString("3b5ee0d4-8f3f-4f4c-9a8b-1d2e3f405060");
    private static final UUID U2 = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private final List<Operation> ops = List.of(
            Insert.into("Logical_Switch_Port").uuidName("p"),
            Select.from("Logical_Switch_Port").where(Condition.equal("name", "p1")),
            Update.table("Logical_Switch_Port").set("name", "x"),
            Comment.of("hello"));

    @Test
    void readsResultsInOrder() {
        TransactionResult result = TransactionResultParser.parse(ops, json("""
                [{"uuid": ["uuid", "%s"]},
                 {"rows": [{"_uuid": ["uuid", "%s"], "name": "p1", "addresses": "mac", "tag": ["set", []]}]},
                 {"count": 3},
                 {}]
                """.formatted(U1, U2)), Optional.of(TestSchemas.schema()));
        assertThat(result.uuidOf("p")).isEqualTo(U1);
        assertThat(result.namedUuids()).containsEntry("p", U1);
        Row row = result.rows(1).getFirst();
        assertThat(row.uuid()).contains(U2);
        assertThat(row.get("addresses")).isEqualTo(OvsdbSet.of(Atom.of("mac"))); // canonical shape from the schema
        assertThat(row.getOptionalInteger("tag")).isEmpty();
        assertThat(result.result(2).count()).hasValue(3);
        assertThat(result.result(3)).isEqualTo(OperationResult.empty());
        assertThatThrownBy(() -> result.uuidOf("nope")).hasMessageContaining("no insert with uuid-name 'nope'");
    }

    @Test
    void operationErrorNamesTheOperation() {
        assertThatThrownBy(() -> TransactionResultParser.parse(ops, json("""
                [{"uuid": ["uuid", "%s"]}, {"error": "unknown column", "details": "no column nam in table"}, null, null]
                """.formatted(U1)), Optional.empty()))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> {
                    assertThat(e.error()).isEqualTo("unknown column");
                    assertThat(e.details()).contains("no column nam in table");
                    assertThat(e.operationIndex()).isEqualTo(1);
                    assertThat(e.operation()).contains(ops.get(1));
                    assertThat(e).hasMessageContaining("operation 1 (select from Logical_Switch_Port where [name == \"p1\"])");
                });
    }

    @Test
    void commitErrorIsTheExtraElement() {
        assertThatThrownBy(() -> TransactionResultParser.parse(ops, json("""
                [{"uuid": ["uuid", "%s"]}, {"rows": []}, {"count": 1}, {},
                 {"error": "referential integrity violation", "details": "cannot delete row"}]
                """.formatted(U1)), Optional.empty()))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> {
                    assertThat(e.error()).isEqualTo("referential integrity violation");
                    assertThat(e.operationIndex()).isEqualTo(-1);
                    assertThat(e.operation()).isEmpty();
                    assertThat(e).hasMessageStartingWith("transaction failed at commit: referential integrity violation");
                });
    }

    @Test
    void malformedReplies() {
        assertThatThrownBy(() -> TransactionResultParser.parse(ops, json("{}"), Optional.empty()))
                .isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> TransactionResultParser.parse(ops, json("[{}]"), Optional.empty()))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("1 results for 4 operations");
    }
}
