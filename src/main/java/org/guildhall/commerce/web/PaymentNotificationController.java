package org.guildhall.commerce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guildhall.commerce.PaymentNotifications;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.NotificationAck;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook endpoint of every gateway: {@code POST /api/v1/payments/notify/{gateway}}. The raw
 * body is read byte-exact (signatures cover it) and handed to commerce, which verifies, stores and
 * applies it in one transaction before this answers.
 */
@RestController
@Tag(name = "Payments")
class PaymentNotificationController {

  private final PaymentNotifications notifications;

  PaymentNotificationController(PaymentNotifications notifications) {
    this.notifications = notifications;
  }

  @PostMapping("/api/v1/payments/notify/{gateway}")
  @Operation(
      summary = "Receive a payment provider's notification",
      description =
          "For payment providers only. The notification is verified (signature, timestamp,"
              + " amount) and applied exactly once; the answer is the provider's expected"
              + " acknowledgement.")
  ResponseEntity<String> notify(@PathVariable String gateway, HttpServletRequest request)
      throws IOException {
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (request.getContentType() != null
        && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
      if (body.isEmpty()) {
        request.getParameterMap().forEach((k, v) -> form.put(k, List.of(v)));
      } else {
        for (String pair : body.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String key =
              URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value =
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          form.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
      }
    }
    return notifications
        .receive(gateway, new InboundNotification(body, headers, form))
        .map(PaymentNotificationController::answer)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private static ResponseEntity<String> answer(NotificationAck ack) {
    var builder = ResponseEntity.status(ack.status());
    if (ack.body() == null || ack.body().isEmpty()) {
      return builder.build();
    }
    return builder.contentType(MediaType.parseMediaType(ack.contentType())).body(ack.body());
  }
}
