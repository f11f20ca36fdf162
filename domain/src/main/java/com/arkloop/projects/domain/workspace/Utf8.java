package com.arkloop.projects.domain.workspace;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;

/** UTF-8 facts about Java strings, so byte rules can be checked without encoding every string. */
final class Utf8 {

    /** Orders strings by their UTF-8 bytes (= by code points; plain UTF-16 order differs above U+FFFF). */
    static final Comparator<String> BYTE_ORDER = Utf8::compare;

    private Utf8() {
    }

    /** The UTF-8 length of text whose surrogates are all paired. */
    static int length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2; // each half of a pair: 4 bytes per pair
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointRank(x), codePointRank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    // Surrogates (U+D800–DFFF) encode code points above U+FFFF, so they must sort after U+E000–FFFF.
    private static int codePointRank(char c) {
        return c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
    }

    /** The bytes as text, or empty when they are not well-formed UTF-8 (overlong forms, surrogates, ...). */
    static Optional<String> decodeStrictly(ByteBuffer bytes) {
        try {
            return Optional.of(strictDecoder().decode(bytes).toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }

    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Whether the bytes are well-formed UTF-8, allowing an unfinished sequence at the very end when
     * {@code truncated} (the bytes are a prefix of something longer).
     */
    static boolean isWellFormed(ByteBuffer bytes, boolean truncated) {
        CharsetDecoder decoder = strictDecoder();
        CharBuffer out = CharBuffer.allocate(256);
        while (true) {
            var result = decoder.decode(bytes, out, !truncated);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                // At most 3 bytes of one sequence can be left over, and only when more input may follow.
                return !bytes.hasRemaining() || (truncated && bytes.remaining() < 4);
            }
            out.clear();
        }
    }
}
