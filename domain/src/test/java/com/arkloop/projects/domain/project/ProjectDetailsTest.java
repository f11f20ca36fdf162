package com.arkloop.projects.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.team.TeamId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectDetailsTest {

    static ProjectDetails named(String name) {
        return new ProjectDetails(name, Optional.empty(), Optional.empty(), Visibility.PRIVATE);
    }

    static void assertInvalid(String field, Runnable action) {
        DomainException error = assertThrows(DomainException.class, action::run);
        assertEquals(ErrorCode.VALIDATION_FAILED, error.errorCode());
        assertEquals(java.util.Set.of(field), error.details().keySet());
    }

    @Test
    void strips_leading_and_trailing_white_space_from_the_name() {
        assertEquals("Legal Counsel Project", named(" \t Legal Counsel Project \n").name());
    }

    @Test
    void counts_the_name_in_unicode_characters_not_utf16_units() {
        String twoHundredEmoji = "😀".repeat(200);
        assertEquals(twoHundredEmoji, named(twoHundredEmoji).name());
        assertInvalid("name", () -> named("😀".repeat(201)));
        assertInvalid("name", () -> named("a".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "\u2003"})
    void refuses_a_blank_name(String name) {
        assertInvalid("name", () -> named(name));
    }

    @Test
    void refuses_a_missing_name() {
        assertInvalid("name", () -> named(null));
    }

    @Test
    void refuses_text_postgresql_cannot_store() {
        assertInvalid("name", () -> named("a\u0000b"));
        assertInvalid("name", () -> named("a\ud800b"));
        assertInvalid("description", () -> new ProjectDetails("p", Optional.of("x\u0000"), Optional.empty(), Visibility.SHARED));
    }

    @Test
    void limits_the_description_to_ten_thousand_characters() {
        String longest = "d".repeat(10_000);
        assertEquals(Optional.of(longest), new ProjectDetails("p", Optional.of(longest), Optional.empty(), Visibility.PRIVATE).description());
        assertInvalid("description", () -> new ProjectDetails("p", Optional.of(longest + "d"), Optional.empty(), Visibility.PRIVATE));
    }

    @Test
    void parses_only_the_exact_visibility_names() {
        assertEquals(Visibility.PRIVATE, Visibility.fromWireName("visibility", "private"));
        assertEquals(Visibility.SHARED, Visibility.fromWireName("visibility", "shared"));
        for (String wrong : new String[] {"Private", "SHARED", "public", "", " private"}) {
            assertInvalid("visibility", () -> Visibility.fromWireName("visibility", wrong));
        }
    }

    @Test
    void applies_changes_keeping_absent_fields_and_clearing_explicit_nulls() {
        TeamId team = new TeamId(UUID.randomUUID());
        ProjectDetails before = new ProjectDetails("p", Optional.of("d"), Optional.of(team), Visibility.SHARED);
        ProjectDetails after = before.apply(new ProjectChanges(Change.set(" q "), Change.set(null), Change.keep(), Change.keep()));
        assertEquals(new ProjectDetails("q", Optional.empty(), Optional.of(team), Visibility.SHARED), after);
    }

    @Test
    void refuses_to_clear_the_name_or_the_visibility() {
        assertInvalid("name", () -> new ProjectChanges(Change.set(null), Change.keep(), Change.keep(), Change.keep()));
        assertInvalid("visibility", () -> new ProjectChanges(Change.keep(), Change.keep(), Change.keep(), Change.set(null)));
    }

    @Test
    void names_the_invalid_field_in_the_details() {
        DomainException error = assertThrows(DomainException.class, () -> named(""));
        assertEquals(Map.of("name", "must not be blank"), error.details());
    }
}
