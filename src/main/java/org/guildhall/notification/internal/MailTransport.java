package org.guildhall.notification.internal;

import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether mail can go out over SMTP, and the sender to use. Spring Boot creates a {@link
 * JavaMailSender} whenever {@code spring.mail.host} is <em>present</em>, even when it is blank (as
 * in the shipped application.yml), so a sender without a host counts as "not configured". Any other
 * sender bean (a JNDI session, a custom bean, a test double) counts as configured.
 */
@Component
class MailTransport {

  /** Fallback SMTP time-outs (ms) so that a stuck server cannot block the scheduler forever. */
  private static final String CONNECT_TIMEOUT = "10000";

  private static final String IO_TIMEOUT = "30000";

  private final Optional<JavaMailSender> sender;

  MailTransport(ObjectProvider<JavaMailSender> senders) {
    JavaMailSender candidate = senders.getIfAvailable();
    this.sender = Optional.ofNullable(candidate).filter(MailTransport::isConfigured);
    this.sender.ifPresent(MailTransport::applyDefaultTimeouts);
  }

  boolean configured() {
    return sender.isPresent();
  }

  /** The SMTP sender, present only when SMTP is configured. */
  Optional<JavaMailSender> sender() {
    return sender;
  }

  private static boolean isConfigured(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl) {
      Properties properties = impl.getJavaMailProperties();
      return StringUtils.hasText(impl.getHost())
          || StringUtils.hasText(properties.getProperty("mail.smtp.host"))
          || StringUtils.hasText(properties.getProperty("mail.host"))
          || impl.getSession().getProperty("mail.smtp.host") != null;
    }
    return true;
  }

  private static void applyDefaultTimeouts(JavaMailSender sender) {
    // Only for a sender built from spring.mail.* properties; a JNDI session keeps its own settings.
    if (sender instanceof JavaMailSenderImpl impl && StringUtils.hasText(impl.getHost())) {
      Properties properties = impl.getJavaMailProperties();
      String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
      properties.putIfAbsent("mail." + protocol + ".connectiontimeout", CONNECT_TIMEOUT);
      properties.putIfAbsent("mail." + protocol + ".timeout", IO_TIMEOUT);
      properties.putIfAbsent("mail." + protocol + ".writetimeout", IO_TIMEOUT);
      // The session is built lazily from these properties; setting them again drops a session
      // built before, so the time-outs apply.
      impl.setJavaMailProperties(properties);
    }
  }
}
