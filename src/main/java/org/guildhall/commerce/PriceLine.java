package org.guildhall.commerce;

import org.guildhall.shared.Money;

/**
 * One line of a price computation: {@code kind} is {@code LIST}, {@code ADJUSTMENT}, {@code OFFER},
 * {@code GROUP}, {@code COUPON} or {@code TOTAL}; reductions are negative.
 */
public record PriceLine(String kind, String label, Money amount) {}
