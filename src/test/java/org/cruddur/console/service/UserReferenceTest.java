package org.cruddur.console.service;

import org.cruddur.console.service.users.UserReference;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserReferenceTest {

    @Test
    void uuidsNeedNoLookUpAndHandlesDo() {
        assertThat(UserReference.asUuid("5E1C0F2A-7D3B-4C6E-9A41-0B8F2D6C3E71")).contains("5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e71");
        assertThat(UserReference.asUuid("@mara")).isEmpty();
        assertThat(UserReference.asUuid("mara")).isEmpty();
        assertThat(UserReference.asUuid(null)).isEmpty();
        assertThat(UserReference.asUuid("5e1c0f2a-7d3b-4c6e-9a41-0b8f2d6c3e7")).isEmpty();
    }
}
