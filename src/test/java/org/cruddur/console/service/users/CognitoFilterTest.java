package org.cruddur.console.service.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cruddur.console.service.ConsoleException;
import org.junit.jupiter.api.Test;

class CognitoFilterTest {

    @Test
    void parsesQuotedUnquotedAndEscapedValues() {
        assertThat(CognitoFilter.parse("email ^= \"ma\"")).isEqualTo(CognitoFilter.startsWith("email", "ma"));
        assertThat(CognitoFilter.parse("  preferred_username=\"a b\" ")).isEqualTo(CognitoFilter.equalTo("preferred_username", "a b"));
        assertThat(CognitoFilter.parse("enabled = false")).isEqualTo(CognitoFilter.equalTo("enabled", "false"));
        assertThat(CognitoFilter.parse("name = \"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
        assertThat(CognitoFilter.parse("cognito:user_status = \"CONFIRMED\"").serverSide()).isTrue();
    }

    @Test
    void expressionQuotesForCognito() {
        assertThat(CognitoFilter.equalTo("name", "a\"b\\c").expression()).isEqualTo("name = \"a\\\"b\\\\c\"");
        assertThat(CognitoFilter.startsWith("email", "x").expression()).isEqualTo("email ^= \"x\"");
    }

    @Test
    void rejectsWhatIsNotAFilter() {
        for (String bad : new String[] {"", "email", "email ~= \"x\"", "= \"x\"", "email = \"x\" and name = \"y\""}) {
            assertThatThrownBy(() -> CognitoFilter.parse(bad)).as(bad).isInstanceOf(ConsoleException.class);
        }
    }

    @Test
    void matchesLocallyCaseSensitively() {
        CognitoUser u = new CognitoUser("u", "s", "Mara", null, "m@x", false, "CONFIRMED", null, Map.of("preferred_username", "Mara", "email", "m@x"));
        assertThat(CognitoFilter.parse("preferred_username = \"Mara\"").matches(u)).isTrue();
        assertThat(CognitoFilter.parse("preferred_username = \"mara\"").matches(u)).isFalse();
        assertThat(CognitoFilter.parse("email ^= \"m@\"").matches(u)).isTrue();
        assertThat(CognitoFilter.parse("enabled = \"false\"").matches(u)).isTrue();
        assertThat(CognitoFilter.parse("name = \"x\"").matches(u)).isFalse();
    }
}
