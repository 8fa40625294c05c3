package org.guildhall.identity.web;

/** The registration form as submitted; checked by the account service, never bound to an entity. */
public record RegisterForm(String email, String password, String displayName) {

  public static RegisterForm empty() {
    return new RegisterForm("", "", "");
  }
}
