package com.arkloop.projects.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProjectCursorTest {

    @Test
    void round_trips_through_its_token_at_microsecond_precision() {
        ProjectCursor cursor = new ProjectCursor(Instant.parse("2024-05-06T07:08:09.123456Z"), new ProjectId(UUID.randomUUID()));
        assertEquals(cursor, ProjectCursor.decode(cursor.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "abc", "MTIz", "bm90LWEtY3Vyc29y"})
    void refuses_tokens_it_did_not_make_as_a_bad_cursor_parameter(String token) {
        DomainException error = assertThrows(DomainException.class, () -> ProjectCursor.decode(token));
        assertEquals(ErrorCode.INVALID_PARAMETER, error.errorCode());
        assertEquals(java.util.Set.of("cursor"), error.details().keySet());
    }

    @Test
    void refuses_a_token_whose_id_is_not_a_canonical_uuid() {
        String token = Base64.getUrlEncoder().encodeToString("5.1-1-1-1-1".getBytes(StandardCharsets.US_ASCII));
        assertThrows(DomainException.class, () -> ProjectCursor.decode(token));
    }
}
