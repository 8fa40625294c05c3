package org.guildhall.commerce.gateway;

import java.util.UUID;
import org.guildhall.shared.Money;

/** What reconciliation knows of a pending order when it asks the provider about it. */
public record PaymentQuery(UUID orderId, String sessionRef, Money amount) {}
