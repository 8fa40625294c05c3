package org.guildhall.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A {@link JavaMailSender} that keeps what it "sends" and can be told to fail for a recipient a
 * number of times first, like an SMTP server that is down for a while.
 */
class FakeSmtp implements JavaMailSender {

  private final Session session = Session.getInstance(new Properties());
  private final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

  /** The next {@code times} sends to {@code recipient} fail. */
  void failNext(String recipient, int times) {
    failures.put(recipient, new AtomicInteger(times));
  }

  List<MimeMessage> sentTo(String recipient) {
    return sent.stream()
        .filter(
            m -> {
              try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(recipient);
              } catch (MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  @Override
  public MimeMessage createMimeMessage() {
    return new MimeMessage(session);
  }

  @Override
  public MimeMessage createMimeMessage(InputStream contentStream) {
    try {
      return new MimeMessage(session, contentStream);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void send(MimeMessage... messages) {
    for (MimeMessage message : messages) {
      String to;
      try {
        message.saveChanges(); // as a real transport does: fails on a malformed message
        to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
      } catch (MessagingException e) {
        throw new MailSendException("malformed message", e);
      }
      AtomicInteger left = failures.get(to);
      if (left != null && left.getAndDecrement() > 0) {
        throw new MailSendException("421 4.3.0 Service not available,\n closing channel");
      }
      sent.add(message);
    }
  }

  @Override
  public void send(SimpleMailMessage... messages) {
    throw new UnsupportedOperationException("Guildhall sends MIME messages only");
  }
}
