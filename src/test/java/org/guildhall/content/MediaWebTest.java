package org.guildhall.content;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.guildhall.support.WebIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with tiny media limits, so that over-size uploads are cheap to send:
 * images, audio and files 1 MB, video 2 MB, any upload request 3 MB. Tomcat reads a refused body to
 * its end so the client always sees the 413. Every media test class shares this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebIntegrationTest
@TestPropertySource(
    properties = {
      "guildhall.media.max-image-mb=1",
      "guildhall.media.max-audio-mb=1",
      "guildhall.media.max-video-mb=2",
      "guildhall.media.max-file-mb=1",
      "spring.servlet.multipart.max-file-size=3MB",
      "spring.servlet.multipart.max-request-size=3MB",
      "server.tomcat.max-swallow-size=16MB"
    })
@interface MediaWebTest {}
