package org.cruddur.console.service.items;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void displayNameElseUuidThenTheHandle() {
        assertThat(PersonName.of("u-1", "mara", "Mara Quinlan")).isEqualTo("Mara Quinlan  @mara");
        assertThat(PersonName.of("u-1", null, "Mara Quinlan")).isEqualTo("Mara Quinlan");
        assertThat(PersonName.of("u-1", "mara", null)).isEqualTo("u-1  @mara");
        assertThat(PersonName.of("u-1", " ", " ")).isEqualTo("u-1");
        assertThat(PersonName.name("u-1", null)).isEqualTo("u-1");
    }
}
