package org.guildhall.commerce;

import java.util.Optional;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.NotificationAck;

/** Receives providers' notifications; empty when no gateway has that id. */
public interface PaymentNotifications {

  Optional<NotificationAck> receive(String gatewayId, InboundNotification notification);
}
