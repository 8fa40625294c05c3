package org.guildhall.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guildhall.platform.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The localized messages of a form submission's errors, by field, for templates to show next to
 * each field; global errors are kept under {@link #GLOBAL}.
 */
public final class FormErrors {

  public static final String GLOBAL = "_global";
  private static final FormErrors NONE = new FormErrors(Map.of());

  private final Map<String, String> byField;

  private FormErrors(Map<String, String> byField) {
    this.byField = byField;
  }

  public static FormErrors none() {
    return NONE;
  }

  public static FormErrors of(BindingResult result, MessageSource messages, Ctx ctx) {
    Map<String, String> map = new LinkedHashMap<>();
    for (FieldError error : result.getFieldErrors()) {
      map.putIfAbsent(error.getField(), messages.getMessage(error, ctx.i18n().locale()));
    }
    List<ObjectError> globals = result.getGlobalErrors();
    if (!globals.isEmpty()) {
      map.putIfAbsent(GLOBAL, messages.getMessage(globals.get(0), ctx.i18n().locale()));
    }
    return new FormErrors(map);
  }

  public static FormErrors of(DomainException exception, Ctx ctx) {
    Map<String, String> map = new LinkedHashMap<>();
    Object[] args = exception.args();
    exception.fieldErrors().forEach((field, key) -> map.put(field, ctx.msg(key, args)));
    if (map.isEmpty()) {
      map.put(GLOBAL, ctx.msg("problem." + exception.code(), exception.args()));
    }
    return new FormErrors(map);
  }

  public static FormErrors global(String message) {
    return new FormErrors(Map.of(GLOBAL, message));
  }

  public boolean any() {
    return !byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  /** The message for {@code field}, or null. */
  public String get(String field) {
    return byField.get(field);
  }

  public String global() {
    return byField.get(GLOBAL);
  }

  public Map<String, String> asMap() {
    return Map.copyOf(byField);
  }
}
