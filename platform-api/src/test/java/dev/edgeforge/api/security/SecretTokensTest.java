package dev.edgeforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void generatedSecretsCarryTheirPrefixAnd256RandomBits() {
        String key = SecretTokens.generate(SecretTokens.API_KEY_PREFIX);
        assertThat(key).startsWith("ef_").hasSize(3 + 43).matches("ef_[A-Za-z0-9_-]{43}");

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(SecretTokens.generate("x_"))).isTrue();
        }
    }

    @Test
    void hexSecretsHaveTwoCharactersPerByte() {
        assertThat(SecretTokens.generateHex(16)).matches("[0-9a-f]{32}");
    }

    @Test
    void sha256MatchesTheFips180Vector() {
        assertThat(SecretTokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
