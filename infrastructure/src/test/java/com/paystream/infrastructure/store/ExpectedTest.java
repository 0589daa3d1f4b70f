package com.paystream.infrastructure.store;

import com.paystream.infrastructure.problem.Revisions;
import com.paystream.infrastructure.problem.ValidationProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedTest {

    @Test
    void aStreamReadEmptyIsExpectedNotToExistAndOneReadAtARevisionExactlyThere() {
        assertThat(Expected.asRead(LoadedStream.NO_STREAM)).isEqualTo(Expected.noStream());
        assertThat(Expected.asRead(3)).isEqualTo(Expected.at(3));
        assertThat(new LoadedStream<>("s", List.of(), LoadedStream.NO_STREAM).expected())
                .isEqualTo(Expected.noStream());
    }

    @Test
    void aNegativeRevisionIsRefused() {
        assertThatThrownBy(() -> Expected.at(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAppendResultIsExpectedAtItsNextRevision() {
        assertThat(new AppendResult("s", 4, 100).expected()).isEqualTo(Expected.at(4));
    }

    @Test
    void anIfMatchEtagIsExpectedAtItsRevisionAndNoneOrAStarFallsBack() {
        assertThat(Revisions.fromIfMatch("\"3\"", Expected.any())).isEqualTo(Expected.at(3));
        assertThat(Revisions.fromIfMatch("W/\"3\"", Expected.any())).isEqualTo(Expected.at(3));
        assertThat(Revisions.fromIfMatch(null, Expected.noStream())).isEqualTo(Expected.noStream());
        assertThat(Revisions.fromIfMatch("*", Expected.at(2))).isEqualTo(Expected.at(2));
        assertThatThrownBy(() -> Revisions.fromIfMatch("\"-1\"", Expected.any()))
                .isInstanceOf(ValidationProblem.class);
    }
}
