package org.guildhall.content.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.content.StudioApi;
import org.guildhall.content.StudioItemDetail;
import org.guildhall.content.StudioLesson;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.guildhall.platform.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course builder: sections (add, rename, move, delete when empty) and lessons (add, move,
 * delete) on the course's outline, and each lesson's editor. Outline changes made with htmx answer
 * with the outline fragment (a refusal shown inside it); without JavaScript they redirect to the
 * outline page.
 */
@Controller
class StudioCourseController {

  private final StudioApi studio;

  StudioCourseController(StudioApi studio) {
    this.studio = studio;
  }

  @GetMapping("/studio/items/{id}/outline")
  ModelAndView outline(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    StudioItemDetail course = studio.item(id, ctx.viewer().id());
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("course", course);
    model.put("outline", studio.outline(id, ctx.viewer().id()));
    return new ModelAndView("content/studio/outline-page", model);
  }

  @PostMapping("/studio/items/{id}/sections")
  ModelAndView addSection(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String title,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash) {
    return change(
        ctx,
        id,
        htmx,
        flash,
        "studio.flash.section-added",
        () -> studio.addSection(id, title, me(ctx)));
  }

  @PostMapping("/studio/items/{id}/sections/{sectionId}/rename")
  ModelAndView renameSection(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @PathVariable UUID sectionId,
      @RequestParam(defaultValue = "") String title,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash) {
    return change(
        ctx,
        id,
        htmx,
        flash,
        "studio.flash.section-renamed",
        () -> studio.renameSection(sectionId, title, me(ctx)));
  }

  @PostMapping("/studio/items/{id}/sections/{sectionId}/move")
  ModelAndView moveSection(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @PathVariable UUID sectionId,
      @RequestParam(defaultValue = "down") String direction,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash) {
    return change(
        ctx,
        id,
        htmx,
        flash,
        "studio.flash.moved",
        () -> studio.moveSection(sectionId, "up".equals(direction) ? -1 : 1, me(ctx)));
  }

  @PostMapping("/studio/items/{id}/sections/{sectionId}/delete")
  ModelAndView deleteSection(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @PathVariable UUID sectionId,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash) {
    return change(
        ctx,
        id,
        htmx,
        flash,
        "studio.flash.section-deleted",
        () -> studio.deleteSection(sectionId, me(ctx)));
  }

  /** A new text lesson at the end of the section; its editor opens next. */
  @PostMapping("/studio/items/{id}/sections/{sectionId}/lessons")
  ModelAndView addLesson(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @PathVariable UUID sectionId,
      @RequestParam(defaultValue = "") String title,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response,
      RedirectAttributes flash) {
    UUID lesson;
    try {
      lesson =
          studio.addLesson(
              id,
              sectionId,
              new LessonDraft(title, LessonKind.TEXT, "", null, null, false, 0, List.of()),
              null,
              me(ctx));
    } catch (DomainException e) {
      if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      return refusedChange(ctx, id, htmx, flash, e);
    }
    Flash.success(flash, "studio.flash.lesson-added");
    if ("true".equals(htmx)) {
      response.addHeader("HX-Redirect", "/studio/lessons/" + lesson);
      return outlineFragment(ctx, id, null);
    }
    return new ModelAndView("redirect:/studio/lessons/" + lesson);
  }

  @PostMapping("/studio/items/{id}/lessons/{lessonId}/move")
  ModelAndView moveLesson(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @PathVariable UUID lessonId,
      @RequestParam(defaultValue = "down") String direction,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash) {
    return change(
        ctx,
        id,
        htmx,
        flash,
        "studio.flash.moved",
        () -> studio.moveLesson(lessonId, "up".equals(direction) ? -1 : 1, me(ctx)));
  }

  @PostMapping("/studio/items/{id}/lessons/{lessonId}/delete")
  ModelAndView deleteLesson(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      @PathVariable UUID lessonId,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash) {
    return change(
        ctx,
        id,
        htmx,
        flash,
        "studio.flash.lesson-deleted",
        () -> studio.deleteLesson(lessonId, me(ctx)));
  }

  // The lesson editor

  @GetMapping("/studio/lessons/{id}")
  ModelAndView lesson(@ModelAttribute("ctx") Ctx ctx, @PathVariable UUID id) {
    StudioLesson lesson = studio.lesson(id, me(ctx));
    return lessonEditor(
        ctx, lesson, StudioLessonForm.of(lesson), FormErrors.none(), HttpStatus.OK, null);
  }

  @PostMapping("/studio/lessons/{id}")
  ModelAndView saveLesson(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID id,
      StudioLessonForm form,
      RedirectAttributes flash) {
    UUID me = me(ctx);
    StudioLesson lesson = studio.lesson(id, me);
    StudioLessonForm.Parsed parsed = form.parse();
    if (!parsed.errors().isEmpty()) {
      Map<String, String> all =
          new LinkedHashMap<>(
              studio.checkLesson(lesson.courseId(), id, parsed.draft(), form.note(), me));
      all.putAll(parsed.errors());
      return lessonEditor(
          ctx,
          lesson,
          form,
          FormErrors.of(DomainException.invalid(all), ctx),
          HttpStatus.UNPROCESSABLE_ENTITY,
          null);
    }
    try {
      studio.saveLesson(id, parsed.draft(), parsed.version(), form.note(), me);
    } catch (DomainException e) {
      if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      if ("content.error.stale".equals(e.code())) {
        StudioLesson now = studio.lesson(id, me);
        return lessonEditor(ctx, now, form, FormErrors.of(e, ctx), e.status(), now);
      }
      return lessonEditor(ctx, lesson, form, FormErrors.of(e, ctx), e.status(), null);
    }
    Flash.success(flash, "studio.flash.saved");
    return new ModelAndView("redirect:/studio/lessons/" + id);
  }

  private ModelAndView lessonEditor(
      Ctx ctx,
      StudioLesson lesson,
      StudioLessonForm form,
      FormErrors errors,
      HttpStatus status,
      StudioLesson stale) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("lesson", lesson);
    model.put("form", form);
    model.put("errors", errors);
    model.put("stale", stale);
    model.put("media", studio.lessonMedia(lesson.courseId(), me(ctx)));
    model.put("preview", studio.preview(form.bodyMd()));
    return new ModelAndView("content/studio/lesson", model, status);
  }

  // Outline changes

  private ModelAndView change(
      Ctx ctx, UUID courseId, String htmx, RedirectAttributes flash, String done, Runnable work) {
    try {
      work.run();
    } catch (DomainException e) {
      if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
        throw e;
      }
      return refusedChange(ctx, courseId, htmx, flash, e);
    }
    if ("true".equals(htmx)) {
      return outlineFragment(ctx, courseId, null);
    }
    Flash.success(flash, done);
    return new ModelAndView("redirect:/studio/items/" + courseId + "/outline");
  }

  private ModelAndView refusedChange(
      Ctx ctx, UUID courseId, String htmx, RedirectAttributes flash, DomainException e) {
    String key = StudioController.message(e);
    if ("true".equals(htmx)) {
      // htmx swaps only successful answers: the refusal is shown inside the outline
      return outlineFragment(ctx, courseId, ctx.msg(key));
    }
    Flash.error(flash, key);
    return new ModelAndView("redirect:/studio/items/" + courseId + "/outline");
  }

  private ModelAndView outlineFragment(Ctx ctx, UUID courseId, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("ctx", ctx);
    model.put("outline", studio.outline(courseId, me(ctx)));
    model.put("error", error);
    return new ModelAndView("content/studio/outline", model);
  }

  private static UUID me(Ctx ctx) {
    return ctx.viewer().id();
  }
}
