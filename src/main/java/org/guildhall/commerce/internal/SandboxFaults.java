package org.guildhall.commerce.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guildhall.platform.InstallationSettings;
import org.springframework.stereotype.Component;

/**
 * What the sandbox does to its notifications, so tests and demos can see the system survive a real
 * network: send each one {@code copies} times, {@code delaySeconds} late, in reverse order, or not
 * at all ({@code drop}; reconciliation must then settle the order).
 */
@Component
public class SandboxFaults {

  private static final String KEY = "sandbox.faults";

  /** The fault settings; {@code copies} is how many times each notification is sent (≥ 1). */
  public record Faults(int copies, int delaySeconds, boolean reorder, boolean drop) {

    public static final Faults NONE = new Faults(1, 0, false, false);

    public Faults {
      if (copies < 1 || copies > 100) {
        throw new IllegalArgumentException("copies must be 1 to 100");
      }
      if (delaySeconds < 0 || delaySeconds > 86_400) {
        throw new IllegalArgumentException("delay must be 0 to 86400 seconds");
      }
    }

    String encode() {
      return "copies="
          + copies
          + ",delay="
          + delaySeconds
          + ",reorder="
          + reorder
          + ",drop="
          + drop;
    }

    static Faults decode(String text) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String part : text.split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length == 2) {
          values.put(kv[0].strip(), kv[1].strip());
        }
      }
      try {
        return new Faults(
            Integer.parseInt(values.getOrDefault("copies", "1")),
            Integer.parseInt(values.getOrDefault("delay", "0")),
            Boolean.parseBoolean(values.getOrDefault("reorder", "false")),
            Boolean.parseBoolean(values.getOrDefault("drop", "false")));
      } catch (IllegalArgumentException broken) {
        return NONE;
      }
    }
  }

  private final InstallationSettings settings;

  SandboxFaults(InstallationSettings settings) {
    this.settings = settings;
  }

  public Faults current() {
    return settings.get(KEY).map(Faults::decode).orElse(Faults.NONE);
  }

  public void set(Faults faults) {
    settings.put(KEY, faults.encode());
  }
}
