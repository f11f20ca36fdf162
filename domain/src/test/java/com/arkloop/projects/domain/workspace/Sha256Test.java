package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    @Test
    void hashes_bytes_to_lowercase_hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)).hex());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
            "../../../../../../../../../../../../../../../../../../etc/passwd0", "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg"})
    void parses_nothing_but_64_lowercase_hex_characters(String text) {
        assertEquals(Optional.empty(), Sha256.parse(text));
        if (text != null) {
            assertThrows(IllegalArgumentException.class, () -> new Sha256(text));
        }
    }

    @Test
    void refuses_a_digest_that_is_not_32_bytes() {
        assertThrows(IllegalArgumentException.class, () -> Sha256.fromDigest(new byte[31]));
    }
}
