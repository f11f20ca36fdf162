package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @ParameterizedTest(name = "{0}+{1} of {2} -> {3}")
    @CsvSource({"0, 1, 10, 1", "9, 1, 10, 1", "3, 4, 10, 4", "0, 10, 10, 10", "5, 100, 10, 5", "0, 9223372036854775807, 10, 10"})
    void cuts_a_range_short_at_the_end_of_the_content(long offset, long length, long size, long served) {
        assertEquals(new ByteRange(offset, served), new ByteRange(offset, length).within(size));
    }

    @ParameterizedTest
    @CsvSource({"10, 10", "11, 10", "0, 0"})
    void cannot_start_at_or_past_the_end(long offset, long size) {
        DomainException error = assertThrows(DomainException.class, () -> new ByteRange(offset, 1).within(size));
        assertEquals(ErrorCode.WORKSPACE_RANGE_NOT_SATISFIABLE, error.errorCode());
    }

    @Test
    void reads_the_inclusive_http_form() {
        assertEquals(new ByteRange(0, 1), ByteRange.inclusive(0, 0));
        assertEquals(new ByteRange(500, 500), ByteRange.inclusive(500, 999));
        assertThrows(IllegalArgumentException.class, () -> ByteRange.inclusive(5, 4));
    }

    @Test
    void has_a_non_negative_offset_and_at_least_one_byte() {
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(0, 0));
    }

    @Test
    void caps_content_by_its_expectation() {
        assertEquals(5, BlobExpectation.exactly(Sha256.of(new byte[0]), 5).maxSize());
        assertEquals(7, BlobExpectation.atMost(7).maxSize());
        assertThrows(IllegalArgumentException.class, () -> BlobExpectation.atMost(-1));
    }
}
