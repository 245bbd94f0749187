package dev.easel.app.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void fillsOneCellPerTenthRoundingDown() {
        assertThat(ProgressBar.of(5, 10).render()).isEqualTo("[#####-----] 5/10");
        assertThat(ProgressBar.of(19, 20).render()).isEqualTo("[#########-] 19/20");
        assertThat(ProgressBar.of(0, 3).render()).isEqualTo("[----------] 0/3");
    }

    @Test
    void staysWithinItsTenCells() {
        assertThat(ProgressBar.of(12, 10).render()).isEqualTo("[##########] 12/10");
        assertThat(ProgressBar.of(-1, 10).render()).isEqualTo("[----------] -1/10");
        assertThat(ProgressBar.of(3, 0).render()).isEqualTo("[----------] 3/0");
    }

    @Test
    void wholeNumbersPrintWithoutADecimalPoint() {
        assertThat(ProgressBar.of(2.0, 4.0).render()).isEqualTo("[#####-----] 2/4");
        assertThat(ProgressBar.of(0.25, 1).render()).isEqualTo("[##--------] 0.25/1");
    }
}
