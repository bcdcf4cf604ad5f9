package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.FindingKind;
import org.cruddur.console.ui.health.SpokenFinding;
import org.cruddur.console.ui.rawitems.SpokenItem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What screen readers hear for a raw-item row and a finding row: keys first, colour-free words. */
class SpokenRowsTest {

    @Test
    void aRawItemRowReadsItsPkAndSkAndSaysWhenAKeyIsMissing() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("MSG#g1"));
        item.put("sk", AttributeValue.fromS("2026-01-01T06:30:00.000000+00:00"));
        item.put("message", AttributeValue.fromS("Hi"));
        assertThat(SpokenItem.of(item)).isEqualTo("pk MSG#g1, sk 2026-01-01T06:30:00.000000+00:00, 3 attributes");
        assertThat(SpokenItem.of(Map.of("pk", AttributeValue.fromS("GRP#u1")))).isEqualTo("pk GRP#u1, sk missing, 1 attribute");
    }

    @Test
    void aFindingReadsSeverityKindPlaceDetailAndWhetherRepairFixesIt() {
        Finding f = new Finding(FindingKind.STALE_GROUP_ROW, "g1", "GRP#u1", "2026-01-01T00:00:00.000000+00:00", "behind the newest message", true);
        assertThat(SpokenFinding.of(f)).isEqualTo("warning, stale group row in conversation g1, pk GRP#u1, sk 2026-01-01T00:00:00.000000+00:00: "
                + "behind the newest message. Repair fixes it.");
        Finding bad = new Finding(FindingKind.BAD_KEY, null, "X", "Y", "pk has no known prefix", false);
        assertThat(SpokenFinding.of(bad)).isEqualTo("error, bad key, pk X, sk Y: pk has no known prefix. Repair does not fix it.");
    }
}
