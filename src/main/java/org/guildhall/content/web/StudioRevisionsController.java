package org.guildhall.content.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.content.StudioApi;
import org.guildhall.content.StudioDiff;
import org.guildhall.content.StudioItemDetail;
import org.guildhall.content.StudioLesson;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Revision history of an item's or a lesson's text: the list, a revision's diff against the current
 * text, and restoring it (a new revision; the HTML is rendered again).
 */
@Controller
class StudioRevisionsController {

  private final StudioApi studio;

  StudioRevisionsController(StudioApi studio) {
    this.studio = studio;
  }

  @GetMapping("/studio/items/{id}/revisions")
  ModelAndView itemRevisions(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    StudioItemDetail item = studio.item(id, ctx.viewer().id());
    return list(ctx, item.title(), "/studio/items/" + id, id);
  }

  @GetMapping("/studio/lessons/{id}/revisions")
  ModelAndView lessonRevisions(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    StudioLesson lesson = studio.lesson(id, ctx.viewer().id());
    return list(ctx, lesson.title(), "/studio/lessons/" + id, id);
  }

  private ModelAndView list(Ctx ctx, String title, String back, UUID target) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("title", title);
    model.put("back", back);
    model.put("revisions", studio.revisions(target, ctx.viewer().id()));
    return new ModelAndView("content/studio/revisions", model);
  }

  @GetMapping("/studio/revisions/{id}")
  ModelAndView diff(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    StudioDiff diff = studio.diff(id, ctx.viewer().id());
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("diff", diff);
    model.put("back", editorOf(diff));
    return new ModelAndView("content/studio/diff", model);
  }

  @PostMapping("/studio/revisions/{id}/restore")
  String restore(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id, RedirectAttributes flash) {
    StudioDiff diff = studio.diff(id, ctx.viewer().id());
    boolean changed = studio.restore(id, ctx.viewer().id());
    if (changed) {
      Flash.success(flash, "studio.flash.restored", diff.revision().number());
    } else {
      Flash.info(flash, "studio.flash.restore-same");
    }
    return "redirect:" + editorOf(diff);
  }

  private static String editorOf(StudioDiff diff) {
    return diff.revision().ofLesson()
        ? "/studio/lessons/" + diff.revision().targetId()
        : "/studio/items/" + diff.revision().itemId();
  }
}
