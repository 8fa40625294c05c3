package org.guildhall.platform.web;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.i18n.LocaleConfig;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors the servlet container answers itself, before the application sees the request: a URL
 * Tomcat refuses to parse ({@code /%00}, an encoded slash or backslash) is answered with a 400
 * without ever reaching {@link GuildhallErrorController}. Tomcat's own report for these is an
 * English-only page with no way back; this replaces it with a small page in the visitor's language
 * that uses the site's stylesheet and links home, and with problem details under {@code /api/}.
 * Neither names the cause.
 */
@Component
class ConnectorErrorPages
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final MessageSource messages;

  ConnectorErrorPages(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // Spring Boot puts its own ErrorReportValve on the host while it prepares the context; this
    // runs after it (lowest precedence) and takes its place.
    factory.addContextCustomizers(
        context -> {
          Container host = context.getParent();
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.getPipeline().addValve(new Report(messages));
          // Without this the host adds Tomcat's own report valve again when it starts.
          if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(Report.class.getName());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Writes the page or problem for an error nothing else has written a body for. */
  static final class Report extends ErrorReportValve {

    private final MessageSource messages;

    Report(MessageSource messages) {
      this.messages = messages;
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      int shown = status >= 500 ? 500 : 400;
      Locale locale = locale(request);
      String uri = request.getRequestURI();
      boolean api = uri != null && uri.startsWith("/api/");
      String body = api ? problem(shown, status, locale) : page(shown, locale);
      try {
        response.setContentType(api ? "application/problem+json" : "text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client went away or the response was committed meanwhile: nothing more to say.
      }
    }

    private String page(int shown, Locale locale) {
      String lang = Languages.tag(locale);
      String title = html("error." + shown + ".title", locale);
      return "<!DOCTYPE html>\n<html lang=\""
          + lang
          + "\">\n<head>\n<meta charset=\"utf-8\">\n"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
          + title
          + "</title>\n<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"
          + "<link rel=\"stylesheet\" href=\"/css/guildhall.css\">\n</head>\n<body>\n"
          + "<main id=\"main\" class=\"site-main\">\n<div class=\"container container--narrow\">\n"
          + "<section class=\"error-page\" data-testid=\"error-page\">\n"
          + "<p class=\"error-page__code\">"
          + shown
          + "</p>\n<h1 class=\"error-page__title\">"
          + title
          + "</h1>\n<p class=\"error-page__text\">"
          + html("error." + shown + ".text", locale)
          + "</p>\n<div class=\"cluster error-page__actions\"><a class=\"btn btn--primary\""
          + " href=\"/\">"
          + html("error.home", locale)
          + "</a></div>\n</section>\n</div>\n</main>\n</body>\n</html>\n";
    }

    private String problem(int shown, int status, Locale locale) {
      String code = shown == 500 ? "internal" : "http-" + shown;
      return "{\"type\":\"/problems/"
          + code
          + "\",\"title\":\""
          + json(text("problem." + code + ".title", locale))
          + "\",\"status\":"
          + status
          + ",\"detail\":\""
          + json(text("problem." + code, locale))
          + "\"}";
    }

    private String text(String key, Locale locale) {
      return messages.getMessage(key, null, key, locale);
    }

    private String html(String key, Locale locale) {
      return HtmlUtils.htmlEscape(text(key, locale), "UTF-8");
    }

    private static String json(String text) {
      StringBuilder out = new StringBuilder(text.length() + 8);
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }

    /** The language cookie when it is set, else the browser's Accept-Language, like pages. */
    private static Locale locale(Request request) {
      Cookie[] cookies = request.getCookies();
      if (cookies != null) {
        for (Cookie cookie : cookies) {
          if (LocaleConfig.COOKIE.equals(cookie.getName())
              && Languages.isSupportedTag(cookie.getValue())) {
            return Languages.resolve(cookie.getValue());
          }
        }
      }
      return LocaleConfig.fromAcceptLanguage(request);
    }
  }
}
