package org.guildhall.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

  @Test
  void addsAndComparesInMinorUnits() {
    Money yearly = Money.of(29900, "CNY");
    Money monthly = Money.of(3500, "CNY");
    assertThat(monthly.times(12).minus(yearly)).isEqualTo(Money.of(12100, "CNY"));
    assertThat(yearly.toMajor()).isEqualByComparingTo(new BigDecimal("299.00"));
    assertThat(yearly.compareTo(monthly)).isPositive();
  }

  @Test
  void refusesToMixCurrencies() {
    assertThatThrownBy(() -> Money.of(100, "CNY").plus(Money.of(100, "USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overflowIsAnErrorNotAWrapAround() {
    assertThatThrownBy(
            () ->
                new Money(Long.MAX_VALUE, java.util.Currency.getInstance("CNY"))
                    .plus(Money.of(1, "CNY")))
        .isInstanceOf(ArithmeticException.class);
  }
}
