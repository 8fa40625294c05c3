package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: RFC 4180 quoting and no formula a spreadsheet would run. */
class OrderCsvTests {

  @Test
  void quotesOnlyWhatNeedsQuoting() {
    assertThat(OrderCsv.cell("plain")).isEqualTo("plain");
    assertThat(OrderCsv.cell(null)).isEmpty();
    assertThat(OrderCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(OrderCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(OrderCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(OrderCsv.cell("会员 · 高级")).isEqualTo("会员 · 高级");
  }

  @Test
  void neutralisesFormulas() {
    assertThat(OrderCsv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(OrderCsv.cell("+1")).isEqualTo("'+1");
    assertThat(OrderCsv.cell("-1")).isEqualTo("'-1");
    assertThat(OrderCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(OrderCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(OrderCsv.cell("=HYPERLINK(\"x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    assertThat(OrderCsv.cell("a=b")).isEqualTo("a=b");
  }
}
