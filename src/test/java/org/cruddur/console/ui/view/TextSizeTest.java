package org.cruddur.console.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextSizeTest {

    @Test
    void stepsGoFrom80To200PercentAndStopAtTheEnds() {
        TextSize s = TextSize.NORMAL;
        assertThat(s.larger().percent()).isEqualTo(110);
        assertThat(s.smaller().percent()).isEqualTo(90);
        TextSize big = s;
        for (int i = 0; i < 20; i++) {
            big = big.larger();
        }
        assertThat(big.percent()).isEqualTo(200);
        TextSize small = s;
        for (int i = 0; i < 20; i++) {
            small = small.smaller();
        }
        assertThat(small.percent()).isEqualTo(80);
        assertThat(new TextSize(150).rootStyle()).isEqualTo("-fx-font-size: 19.50px;");
    }

    @Test
    void aRememberedSizeIsTakenAsTheNearestStep() {
        assertThat(TextSize.of(null)).isEqualTo(TextSize.NORMAL);
        assertThat(TextSize.of(148).percent()).isEqualTo(150);
        assertThat(TextSize.of(5000).percent()).isEqualTo(200);
        assertThat(TextSize.of(1).percent()).isEqualTo(80);
        assertThatThrownBy(() -> new TextSize(133)).isInstanceOf(IllegalArgumentException.class);
    }
}
