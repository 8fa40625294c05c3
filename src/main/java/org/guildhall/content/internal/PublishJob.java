package org.guildhall.content.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes scheduled items on time, once across instances. */
@Component
class PublishJob {

  private final ContentEditor editor;

  PublishJob(ContentEditor editor) {
    this.editor = editor;
  }

  @Scheduled(fixedDelayString = "${guildhall.content.publish-interval:PT30S}")
  @SchedulerLock(name = "content-publish", lockAtMostFor = "PT5M")
  public void publishDue() {
    editor.publishDue();
  }
}
