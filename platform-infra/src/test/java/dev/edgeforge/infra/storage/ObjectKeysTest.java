package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "projects/0b7c6d1e-1f5a-4c41-9d2f-1a2b3c4d5e6f/samples/"
                        + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "projects/p/features/v3/block=mfe+1/part-0001.bin",
                "A.B_C-D"
            })
    void acceptsPlatformKeys(String key) {
        assertThat(ObjectKeys.requireValidKey(key)).isEqualTo(key);
        assertThat(ObjectKeys.isValidKey(key)).isTrue();
    }

    @Test
    void namesTheRuleThatWasBroken() {
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a/../b")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("/a")).hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a\\b")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a//b")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a/b/")).hasMessageContaining("ends with '/'");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey(null)).hasMessageContaining("null");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("ab/c d")).hasMessageContaining("U+0020 at offset 4");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("x".repeat(201))).hasMessageContaining("longer than 200");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a/".repeat(600) + "a"))
                .hasMessageContaining("longer than 1024");
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a/.tmp")).hasMessageContaining("reserved");
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
        assertThatThrownBy(() -> ObjectKeys.requireValidKey("a\nb"))
                .isInstanceOf(ObjectKeyViolation.class)
                .hasMessageContaining("a\\u000ab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "projects/", "projects/ab", "projects/p/samples/"})
    void acceptsPrefixes(String prefix) {
        assertThat(ObjectKeys.requireValidPrefix(prefix)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "a//", "../", "a/..", "a/.", "a b/"})
    void rejectsBadPrefixes(String prefix) {
        assertThatThrownBy(() -> ObjectKeys.requireValidPrefix(prefix)).isInstanceOf(ObjectKeyViolation.class);
    }
}
