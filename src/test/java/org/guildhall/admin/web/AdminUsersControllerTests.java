package org.guildhall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.platform.api.Problems;
import org.guildhall.platform.i18n.LocaleConfig;
import org.guildhall.platform.web.CtxFactory;
import org.guildhall.platform.web.ErrorPages;
import org.guildhall.shared.paging.KeysetPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Web slice: the member list renders the page, or only the next rows for htmx "load more". */
@WebMvcTest(AdminUsersController.class)
@Import({CtxFactory.class, ErrorPages.class, LocaleConfig.class, Problems.class})
@ImportAutoConfiguration(JteAutoConfiguration.class)
@WithMockUser(roles = "OWNER")
class AdminUsersControllerTests {

  @Autowired MockMvc mvc;
  @MockitoBean IdentityApi identity;

  static AccountSummary member(String name) {
    return new AccountSummary(
        AccountId.random(),
        name.toLowerCase() + "@example.com",
        name,
        name.toLowerCase(),
        null,
        Set.of(Role.MEMBER, Role.EXPERT),
        AccountStatus.ACTIVE,
        null,
        null,
        true,
        "en",
        Instant.parse("2026-11-01T08:00:00Z"));
  }

  @Test
  void rendersTheWholePageWithTheFirstRows() throws Exception {
    when(identity.search(eq(""), any(), any(), anyInt()))
        .thenReturn(new KeysetPage<>(List.of(member("Ada"), member("Lin")), "cursor-2"));
    String html =
        mvc.perform(get("/admin/users"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("<html")
        .contains("Ada")
        .contains("Lin")
        .contains("hx-get=\"/admin/users?q=&role=&after=cursor-2\"");
  }

  @Test
  void givesHtmxOnlyTheNextRows() throws Exception {
    when(identity.search(eq(""), any(), eq("cursor-2"), anyInt()))
        .thenReturn(new KeysetPage<>(List.of(member("Zhou")), null));
    String html =
        mvc.perform(get("/admin/users").param("after", "cursor-2").header("HX-Request", "true"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .doesNotContain("<html")
        .contains("<tr>")
        .contains("Zhou")
        .doesNotContain("hx-get");
  }
}
