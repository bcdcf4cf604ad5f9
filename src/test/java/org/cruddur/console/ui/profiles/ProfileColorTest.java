package org.cruddur.console.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.cruddur.console.config.ConnectionProfile;
import org.junit.jupiter.api.Test;

class ProfileColorTest {

    @Test
    void prodIsRedReadOnlyAmberEmbeddedGreen() {
        assertThat(ProfileColor.of(ConnectionProfile.PROD)).isEqualTo(ProfileColor.PRODUCTION);
        assertThat(ProfileColor.of(ConnectionProfile.EMBEDDED)).isEqualTo(ProfileColor.EMBEDDED);
        assertThat(ProfileColor.of(ConnectionProfile.LOCAL)).isEqualTo(ProfileColor.ENDPOINT);
        ConnectionProfile readOnly = new ConnectionProfile("ro", ConnectionProfile.Kind.ENDPOINT, "http://localhost:1", null, null, null, null, null, true);
        assertThat(ProfileColor.of(readOnly)).isEqualTo(ProfileColor.READ_ONLY);
        // any AWS profile is production-red, read-only or not
        ConnectionProfile staging = new ConnectionProfile("staging", ConnectionProfile.Kind.AWS, null, "eu-west-1", null, null, null, null, false);
        assertThat(ProfileColor.of(staging)).isEqualTo(ProfileColor.PRODUCTION);
    }
}
