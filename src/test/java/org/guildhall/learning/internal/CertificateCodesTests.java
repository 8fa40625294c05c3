package org.guildhall.learning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateCodesTests {

  @Test
  void codesAreGhAndTwelveCrockfordCharacters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String code = CertificateCodes.next();
      assertThat(code).matches("GH-[0-9A-HJKMNP-TV-Z]{12}");
      seen.add(code);
    }
    assertThat(seen).hasSize(2000);
  }

  @Test
  void typedCodesAreReadLeniently() {
    assertThat(CertificateCodes.normalise("gh-7k3m-9q2x-ab4t")).contains("GH-7K3M9Q2XAB4T");
    assertThat(CertificateCodes.normalise(" GH-oo1l-i234-5678 ")).contains("GH-00111234" + "5678");
    assertThat(CertificateCodes.normalise("GH-7K3M9Q2XAB4")).isEmpty();
    assertThat(CertificateCodes.normalise("GH-7K3M9Q2XAB4TU")).isEmpty();
    assertThat(CertificateCodes.normalise("XX-7K3M9Q2XAB4T")).isEmpty();
    assertThat(CertificateCodes.normalise("GH-7K3M9Q2XAB4U"))
        .as("U is not a code letter")
        .isEmpty();
    assertThat(CertificateCodes.normalise(null)).isEmpty();
  }
}
