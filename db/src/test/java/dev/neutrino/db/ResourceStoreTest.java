package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceStoreTest {
    @Test
    void timestampsReadAsTextBecomeNeutronsForm() {
        assertThat(ResourceStore.isoTimestamp("2024-01-31 12:00:05")).isEqualTo("2024-01-31T12:00:05Z");
        assertThat(ResourceStore.isoTimestamp("2024-01-31 12:00:05.0")).isEqualTo("2024-01-31T12:00:05Z");
        assertThat(ResourceStore.isoTimestamp("2024-01-31 12:00:05.123456")).isEqualTo("2024-01-31T12:00:05Z");
        assertThat(ResourceStore.isoTimestamp("2024-01-31T12:00:05")).isEqualTo("2024-01-31T12:00:05Z");
        assertThat(ResourceStore.isoTimestamp("2024-01-31T12:00")).as("short ISO form").isEqualTo("2024-01-31T12:00:00Z");
    }
}
