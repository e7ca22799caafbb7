package dev.neutrino.ovsdb.txn;

import static dev.neutrino.ovsdb.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationEncoderTest {
    private static final UUID U = UUID.fromString("3b5ee0d4-8f3f-4f4c-9a8b-1d2e3f405060");

    @Test
    void insertWithUuidNameAndNamedReference() {
        Operation port = Insert.into("Logical_Switch_Port").uuidName("p").set("name", "p1");
        Operation sw = Insert.into("Logical_Switch").set("name", "sw0")
                .set("ports", OvsdbSet.of(Atom.namedUuid("p")))
                .set("external_ids", Map.of("neutron:network_name", "n1"));
        assertThat(OperationEncoder.transactParams("OVN_Northbound", List.of(port, sw))).isEqualTo(json("""
                ["OVN_Northbound",
                 {"op": "insert", "table": "Logical_Switch_Port", "row": {"name": "p1"}, "uuid-name": "p"},
                 {"op": "insert", "table": "Logical_Switch",
                  "row": {"name": "sw0", "ports": ["set", [["named-uuid", "p"]]],
                          "external_ids": ["map", [["neutron:network_name", "n1"]]]}}]
                """));
        assertThat(OperationEncoder.encode(Insert.into("T").uuid(U)))
                .isEqualTo(json("{\"op\": \"insert\", \"table\": \"T\", \"row\": {}, \"uuid\": \"" + U + "\"}"));
    }

    @Test
    void selectUpdateMutateDelete() {
        assertThat(OperationEncoder.encode(Select.from("Logical_Switch").where(Condition.equal("name", "sw0")).columns("_uuid", "name")))
                .isEqualTo(json("""
                        {"op": "select", "table": "Logical_Switch", "where": [["name", "==", "sw0"]], "columns": ["_uuid", "name"]}
                        """));
        assertThat(OperationEncoder.encode(Update.table("Logical_Switch").where(Condition.uuidIs(U)).set("name", "x")))
                .isEqualTo(json("""
                        {"op": "update", "table": "Logical_Switch", "where": [["_uuid", "==", ["uuid", "%s"]]], "row": {"name": "x"}}
                        """.formatted(U)));
        assertThat(OperationEncoder.encode(Mutate.table("Logical_Switch").where(Condition.includes("ports", Atom.of(U)))
                .mutate(Mutation.delete("ports", OvsdbSet.of(Atom.of(U))), Mutation.insert("external_ids", Map.of("a", "b")),
                        Mutation.add("n", 1))))
                .isEqualTo(json("""
                        {"op": "mutate", "table": "Logical_Switch", "where": [["ports", "includes", ["uuid", "%s"]]],
                         "mutations": [["ports", "delete", ["set", [["uuid", "%s"]]]],
                                       ["external_ids", "insert", ["map", [["a", "b"]]]],
                                       ["n", "+=", 1]]}
                        """.formatted(U, U)));
        assertThat(OperationEncoder.encode(Delete.from("ACL").where(Condition.notEqual("priority", 5), Condition.lessThan("x", 2.5))))
                .isEqualTo(json("""
                        {"op": "delete", "table": "ACL", "where": [["priority", "!=", 5], ["x", "<", 2.5]]}
                        """));
    }

    @Test
    void waitCommitAbortCommentAssert() {
        assertThat(OperationEncoder.encode(Wait.on("Logical_Switch").where(Condition.equal("name", "sw0")).columns("name")
                .until(Wait.Until.NOT_EQUAL).rows(Row.empty().with("name", "sw0")).timeout(Duration.ZERO)))
                .isEqualTo(json("""
                        {"op": "wait", "table": "Logical_Switch", "where": [["name", "==", "sw0"]], "columns": ["name"],
                         "until": "!=", "rows": [{"name": "sw0"}], "timeout": 0}
                        """));
        assertThat(OperationEncoder.encode(Commit.durable(true))).isEqualTo(json("{\"op\": \"commit\", \"durable\": true}"));
        assertThat(OperationEncoder.encode(new Abort())).isEqualTo(json("{\"op\": \"abort\"}"));
        assertThat(OperationEncoder.encode(Comment.of("neutrino: create network")))
                .isEqualTo(json("{\"op\": \"comment\", \"comment\": \"neutrino: create network\"}"));
        assertThat(OperationEncoder.encode(Assert.lock("neutrino"))).isEqualTo(json("{\"op\": \"assert\", \"lock\": \"neutrino\"}"));
    }

    @Test
    void operationsAreImmutable() {
        Insert base = Insert.into("T");
        Insert named = base.uuidName("x").set("a", 1);
        assertThat(base.uuidName()).isEmpty();
        assertThat(base.row().columns()).isEmpty();
        assertThat(named.row().getInteger("a")).isEqualTo(1);
        Select select = Select.from("T");
        assertThat(select.where(Condition.equal("a", 1)).where()).hasSize(1);
        assertThat(select.where()).isEmpty();
    }
}
