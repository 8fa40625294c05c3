package org.guildhall.platform.web;

import java.util.UUID;

/** Implemented by every authentication principal Guildhall issues: it names the account. */
public interface AuthenticatedAccount {

  UUID accountId();
}
