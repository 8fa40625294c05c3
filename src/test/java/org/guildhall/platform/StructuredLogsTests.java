package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GUILDHALL_LOG_FORMAT=ecs} or {@code logstash} turns the console log into one JSON object
 * per line, with the request id of the MDC as a field; unset, lines are plain text with the id in
 * brackets. Each case runs in a JVM of its own started with that environment, as an operator would
 * start the application, because logging is set up once per process.
 */
class StructuredLogsTests {

  /** Starts a Spring application with the real configuration files and logs one line. */
  public static final class LogOneLine {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    public static void main(String[] args) {
      SpringApplication application = new SpringApplication(Nothing.class);
      application.setWebApplicationType(WebApplicationType.NONE);
      try (ConfigurableApplicationContext context = application.run()) {
        MDC.put("requestId", "req-42");
        LoggerFactory.getLogger("org.guildhall.audit").warn("structured hello 你好");
        MDC.remove("requestId");
      }
    }
  }

  final JsonMapper json = JsonMapper.builder().build();

  /** The lines of a separate JVM's output that mention the logged message. */
  static List<String> run(String logFormat) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                LogOneLine.class.getName())
            .redirectErrorStream(true);
    builder.environment().remove("GUILDHALL_LOG_FORMAT");
    if (logFormat != null) {
      builder.environment().put("GUILDHALL_LOG_FORMAT", logFormat);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\\R")) {
      if (line.contains("structured hello")) {
        lines.add(line);
      }
    }
    assertThat(lines).as(output).hasSize(1);
    return lines;
  }

  @Test
  void ecsGivesOneJsonObjectPerLineWithTheRequestId() throws Exception {
    JsonNode line = json.readTree(run("ecs").get(0));
    assertThat(line.get("@timestamp").asString()).isNotBlank();
    assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
    assertThat(line.get("log").get("logger").asString()).isEqualTo("org.guildhall.audit");
    assertThat(line.get("message").asString()).isEqualTo("structured hello 你好");
    assertThat(line.get("service").get("name").asString()).isEqualTo("guildhall");
    assertThat(line.get("requestId").asString()).isEqualTo("req-42");
  }

  @Test
  void logstashGivesOneJsonObjectPerLineWithTheRequestId() throws Exception {
    JsonNode line = json.readTree(run("logstash").get(0));
    assertThat(line.get("@timestamp").asString()).isNotBlank();
    assertThat(line.get("level").asString()).isEqualTo("WARN");
    assertThat(line.get("message").asString()).isEqualTo("structured hello 你好");
    assertThat(line.get("requestId").asString()).isEqualTo("req-42");
  }

  @Test
  void plainTextByDefaultWithTheRequestIdInBrackets() throws Exception {
    String line = run(null).get(0);
    assertThat(line).doesNotStartWith("{").contains("WARN").contains("[req-42] ");
  }
}
