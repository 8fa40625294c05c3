package org.guildhall.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends an account's sessions everywhere (all instances share the session store). */
@Component
class SessionTerminator {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  void endAll(UUID accountId) {
    endAllExcept(accountId, null);
  }

  void endAllExcept(UUID accountId, String keepSessionId) {
    Map<String, ? extends Session> found = sessions.findByPrincipalName(accountId.toString());
    for (String id : found.keySet()) {
      if (!id.equals(keepSessionId)) {
        sessions.deleteById(id);
      }
    }
  }
}
