package org.guildhall.platform.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/docs/openapi.json} (and its UI at {@code /api/docs}): what
 * the API is, its two ways to authenticate, and the problem answer every operation may give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  static final String TOKEN = "accessToken";
  static final String SESSION = "sessionCookie";
  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final String DESCRIPTION =
      """
      The JSON API of Guildhall, under `/api/v1`.

      **Authentication.** Scripts and apps send a personal access token, created (and shown once)
      on the member's settings page under *API tokens*: `Authorization: Bearer gh_…`. Token
      requests need no CSRF token. A browser that is signed in uses its session cookie
      (`GUILDHALL_SESSION`); such requests must also send the page's CSRF token in the
      `X-CSRF-TOKEN` header to change anything. Public reads (tiers, catalog, items, members'
      public profiles, search, certificates) and registration need neither.

      **Errors.** Every error is an RFC 9457 problem (`application/problem+json`) with `type`
      (`/problems/<code>`, a page that explains it), `title` and `detail` in the caller's language
      (`Accept-Language: zh-CN` or `en`), `status`, `instance` (the called path) and `requestId`
      (also sent as the `X-Request-Id` header); invalid input (422) adds `errors`, one
      `{field, code, message}` per wrong field. 401 never redirects; 429 carries `Retry-After`.

      **Lists** are paged by key, never by offset: `{"items": [...], "next": "…"}`. Pass `next`
      back as `after` for the following page; there is no `next` on the last page.
      """;

  @Bean
  OpenAPI guildhallOpenApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    return new OpenAPI()
        .info(
            new Info()
                .title("Guildhall API")
                .version(properties == null ? "v1" : "v1 (" + properties.getVersion() + ")")
                .description(DESCRIPTION))
        .components(
            new Components()
                .addSecuritySchemes(
                    TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("gh_…")
                        .description(
                            "A personal access token from the settings page (API tokens)."
                                + " No CSRF token needed."))
                .addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("GUILDHALL_SESSION")
                        .description(
                            "The signed-in browser's session. Writes also need the X-CSRF-TOKEN"
                                + " header with the page's CSRF token.")))
        .security(
            List.of(
                new SecurityRequirement().addList(TOKEN),
                new SecurityRequirement().addList(SESSION)));
  }

  /** Every operation documents the problem answers: any 4xx and 5xx is a {@value PROBLEM}. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      // Added here, after springdoc has put the schemas of the controllers in place.
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      for (PathItem path : openApi.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          ApiResponses responses = operation.getResponses();
          if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
          }
          for (String code : List.copyOf(responses.keySet())) {
            ApiResponse response = responses.get(code);
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
              response.setContent(problemContent());
            }
          }
          responses.putIfAbsent(
              "4XX",
              new ApiResponse()
                  .description("A client error, as a problem (see /problems/<code>)")
                  .content(problemContent()));
          responses.putIfAbsent(
              "5XX",
              new ApiResponse()
                  .description("A server error, as a problem without internal details")
                  .content(problemContent()));
        }
      }
    };
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError
        .addProperty("field", new StringSchema().description("the request field"))
        .addProperty("code", new StringSchema().description("a stable code for the mistake"))
        .addProperty("message", new StringSchema().description("what is wrong, localized"));
    ObjectSchema problem = new ObjectSchema();
    problem
        .description("An RFC 9457 problem detail")
        .addProperty(
            "type", new StringSchema().format("uri-reference").example("/problems/validation"))
        .addProperty("title", new StringSchema().example("Invalid input"))
        .addProperty("status", new IntegerSchema().example(422))
        .addProperty(
            "detail", new StringSchema().example("Some fields are invalid; see \"errors\"."))
        .addProperty(
            "instance", new StringSchema().format("uri-reference").example("/api/v1/accounts"))
        .addProperty(
            "requestId",
            new StringSchema().description("the id of the request in the logs (X-Request-Id)"))
        .addProperty(
            "errors",
            new ArraySchema().items(fieldError).description("invalid input only: one per field"));
    return problem;
  }
}
