package org.guildhall.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import org.guildhall.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's exception handling on its own, for the failures a real endpoint cannot be made to. */
class ApiProblemsTests {

  @RestController
  static class Failing {

    @GetMapping("/api/v1/test/bug")
    String bug() {
      throw new IllegalStateException("password=hunter2 at db-internal-7:5432");
    }

    @GetMapping("/api/v1/test/limited")
    String limited() {
      throw DomainException.tooManyRequests("too-many-requests", Duration.ofMillis(90_500));
    }

    @GetMapping("/api/v1/test/limited-without-wait")
    String limitedWithoutWait() {
      throw DomainException.tooManyRequests("too-many-requests");
    }

    @GetMapping("/api/v1/test/gone")
    String gone() {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.GONE, "internal note");
    }

    @GetMapping("/api/v1/test/teapot")
    String teapot() {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.I_AM_A_TEAPOT);
    }
  }

  final JsonMapper json = JsonMapper.builder().build();
  final MockMvc mvc;

  ApiProblemsTests() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    mvc =
        MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiProblems(messages, new Problems(messages)))
            .build();
  }

  MockHttpServletResponse call(String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language)).andReturn().getResponse();
  }

  JsonNode body(MockHttpServletResponse response) throws Exception {
    return json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void anUnexpectedFailureIsA500ThatRevealsNothingOfTheException() throws Exception {
    MockHttpServletResponse response = call("/api/v1/test/bug", "en");
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.get("type").asString()).isEqualTo("/problems/internal");
    assertThat(problem.get("title").asString()).isEqualTo("Internal error");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/test/bug");
    assertThat(response.getContentAsString())
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException")
        .doesNotContain("5432");

    assertThat(body(call("/api/v1/test/bug", "zh-CN")).get("title").asString()).isEqualTo("内部错误");
  }

  @Test
  void aRateLimitSaysWhenToComeBackInWholeSecondsRoundedUp() throws Exception {
    MockHttpServletResponse limited = call("/api/v1/test/limited", "en");
    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).isEqualTo("91");
    assertThat(body(limited).get("type").asString()).isEqualTo("/problems/too-many-requests");

    MockHttpServletResponse unknownWait = call("/api/v1/test/limited-without-wait", "en");
    assertThat(unknownWait.getHeader("Retry-After")).isEqualTo("60");
  }

  @Test
  void aFrameworkStatusBecomesItsOwnProblemAndNeverShowsItsReason() throws Exception {
    MockHttpServletResponse gone = call("/api/v1/test/gone", "en");
    assertThat(gone.getStatus()).isEqualTo(410);
    assertThat(body(gone).get("type").asString()).isEqualTo("/problems/http-410");
    assertThat(body(gone).get("title").asString()).isEqualTo("Gone");
    assertThat(gone.getContentAsString()).doesNotContain("internal note");

    MockHttpServletResponse teapot = call("/api/v1/test/teapot", "en");
    assertThat(teapot.getStatus()).isEqualTo(418);
    assertThat(body(teapot).get("type").asString())
        .as("a status without its own text uses the general client error")
        .isEqualTo("/problems/http-400");
  }
}
