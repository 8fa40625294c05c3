package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

  @ParameterizedTest
  @CsvSource({
    "'', validation.password.required",
    "short, validation.password.too-short",
    "password123, validation.password.common",
    "aaaaaaaaaaaa, validation.password.common",
    "someone@example.com, validation.password.like-email",
    "someone1, validation.password.like-email"
  })
  void refusesWeakPasswords(String password, String expected) {
    assertThat(
            PasswordPolicy.check(password, "someone1@example.com")
                .or(() -> PasswordPolicy.check(password, "someone@example.com")))
        .hasValue(expected);
  }

  @Test
  void countsCharactersNotBytes() {
    assertThat(PasswordPolicy.check("八个汉字的密码呀", "a@b.cn")).isEmpty();
    assertThat(PasswordPolicy.check("七个汉字的密码", "a@b.cn")).hasValue("validation.password.too-short");
  }

  @Test
  void acceptsUpTo128Characters() {
    assertThat(PasswordPolicy.check("x1".repeat(64), "a@b.cn")).isEmpty();
    assertThat(PasswordPolicy.check("x1".repeat(64) + "y", "a@b.cn"))
        .hasValue("validation.password.too-long");
  }
}
