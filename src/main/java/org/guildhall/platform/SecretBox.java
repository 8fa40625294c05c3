package org.guildhall.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets the owner enters (payment keys) before they are stored: AES-256-GCM under a key
 * that is not in the database — {@code GUILDHALL_SECURITY_SECRETS_KEY} (base64, 32 bytes) or, when
 * that is unset, a key file created on first use ({@code ./data/secrets.key}, readable by the owner
 * of the process only). A database dump alone does not reveal the secrets.
 */
@Component
public class SecretBox {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "v1:";

  private final SecretKeySpec key;

  SecretBox(
      @Value("${guildhall.security.secrets-key:}") String configured,
      @Value("${guildhall.security.secrets-key-file:./data/secrets.key}") Path keyFile) {
    this.key = new SecretKeySpec(keyBytes(configured, keyFile), "AES");
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  public String open(String sealed) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a sealed value");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
      return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt a stored secret: was the key changed?", e);
    }
  }

  private static byte[] keyBytes(String configured, Path file) {
    if (!configured.isBlank()) {
      byte[] bytes = Base64.getDecoder().decode(configured.strip());
      if (bytes.length != 32) {
        throw new IllegalStateException("guildhall.security.secrets-key must be 32 bytes, base64");
      }
      return bytes;
    }
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, "secrets", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the directory's permissions apply
      }
      Files.writeString(temp, Base64.getEncoder().encodeToString(bytes));
      try {
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        Files.deleteIfExists(temp);
      }
      return Base64.getDecoder().decode(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secrets key file " + file, e);
    }
  }
}
