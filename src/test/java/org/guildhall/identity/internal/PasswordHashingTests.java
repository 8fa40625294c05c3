package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Argon2id for new hashes through a DelegatingPasswordEncoder; bcrypt hashes still verify. */
class PasswordHashingTests {

  final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();

  @Test
  void hashesWithArgon2idAndASaltOfItsOwn() {
    String hash = encoder.encode("a long pass phrase");
    assertThat(hash).startsWith("{argon2}$argon2id$");
    assertThat(encoder.encode("a long pass phrase")).as("salted").isNotEqualTo(hash);
    assertThat(encoder.matches("a long pass phrase", hash)).isTrue();
    assertThat(encoder.matches("a long pass phrasE", hash)).isFalse();
  }

  @Test
  void tellsApartPasswordsThatDifferOnlyAfterTheSeventySecondByte() {
    // bcrypt alone would ignore everything after 72 bytes; Argon2id does not.
    String base = "知识付费".repeat(20); // 80 characters, 240 bytes
    String hash = encoder.encode(base + "A");
    assertThat(encoder.matches(base + "A", hash)).isTrue();
    assertThat(encoder.matches(base + "B", hash)).isFalse();
    String longest = "p".repeat(128);
    assertThat(encoder.matches(longest, encoder.encode(longest))).isTrue();
  }

  @Test
  void stillVerifiesBcryptHashes() {
    String imported = "{bcrypt}" + new BCryptPasswordEncoder().encode("an imported phrase");
    assertThat(encoder.matches("an imported phrase", imported)).isTrue();
    assertThat(encoder.upgradeEncoding(imported)).as("re-hashed with Argon2id on change").isTrue();
  }
}
