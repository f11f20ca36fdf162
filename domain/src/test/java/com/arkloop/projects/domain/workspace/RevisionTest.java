package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionTest {

    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void encodes_the_creation_time_in_its_first_ten_characters() {
        assertTrue(Revision.create(Instant.EPOCH, random).value().startsWith("0000000000"));
        assertTrue(Revision.create(Instant.ofEpochMilli(1_469_918_176_385L), random).value().startsWith("01ARYZ6S41"));
    }

    @Test
    void reads_its_creation_time_back_to_the_millisecond() {
        Instant created = Instant.parse("2024-05-06T07:08:09.123456Z");
        assertEquals(Instant.parse("2024-05-06T07:08:09.123Z"), Revision.create(created, random).createdAt());
        assertEquals(Instant.EPOCH, Revision.create(Instant.EPOCH, random).createdAt());
    }

    @Test
    void sorts_in_creation_order() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            Revision earlier = Revision.create(start.plusMillis(i), random);
            Revision later = Revision.create(start.plusMillis(i + 1), random);
            assertTrue(earlier.compareTo(later) < 0);
        }
    }

    @Test
    void differs_between_two_revisions_of_the_same_millisecond() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertNotEquals(Revision.create(now, random), Revision.create(now, random));
    }

    @Test
    void parses_what_it_creates() {
        Revision revision = Revision.create(Instant.parse("2024-01-01T00:00:00Z"), random);
        assertEquals(Optional.of(revision), Revision.parse(revision.value()));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "01arz3ndektsv4rrffq69g5fav", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVV",
            "81ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAI", "../../../etc/passwd.json...",
            "01ARZ3NDEKTSV4RRFFQ69G/FAV"})
    void parses_nothing_but_a_well_formed_id(String text) {
        assertEquals(Optional.empty(), Revision.parse(text));
        if (text != null) {
            assertThrows(IllegalArgumentException.class, () -> new Revision(text));
        }
    }

    @Test
    void refuses_times_before_1970() {
        assertThrows(IllegalArgumentException.class, () -> Revision.create(Instant.ofEpochMilli(-1), random));
    }
}
