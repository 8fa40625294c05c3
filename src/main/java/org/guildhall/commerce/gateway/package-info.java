/**
 * The payment gateway interface and what crosses it. Each gateway turns a payment request into a
 * place to send the buyer, and turns an inbound notification into a {@link
 * org.guildhall.commerce.gateway.VerifiedNotification} or refuses it.
 */
@org.springframework.modulith.NamedInterface("gateway")
package org.guildhall.commerce.gateway;
