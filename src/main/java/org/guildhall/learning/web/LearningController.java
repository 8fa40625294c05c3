package org.guildhall.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.UUID;
import org.guildhall.content.ContentApi;
import org.guildhall.content.CourseInfo;
import org.guildhall.learning.LearningApi;
import org.guildhall.learning.LessonCompletion;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.Ctx;
import org.guildhall.platform.web.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The learner's pages and buttons: "My learning", enrolling, marking a lesson complete (a form, or
 * htmx swapping the button's fragment) and the player's resume positions ({@code
 * navigator.sendBeacon} form posts carrying the CSRF token as a field). All need a signed-in
 * account.
 */
@Controller
class LearningController {

  private final LearningApi learning;
  private final ContentApi content;

  LearningController(LearningApi learning, ContentApi content) {
    this.learning = learning;
    this.content = content;
  }

  @GetMapping("/learning")
  ModelAndView myLearning(@ModelAttribute("ctx") Ctx ctx) {
    ModelAndView mav = new ModelAndView("learning/index");
    mav.addObject("learning", learning.myLearning(ctx.viewer().id()));
    return mav;
  }

  /** Enrols and goes back to the course page; without access the page says why. */
  @PostMapping("/learning/courses/{courseId}/enrol")
  String enrol(
      @ModelAttribute("ctx") Ctx ctx, @PathVariable UUID courseId, RedirectAttributes flash) {
    CourseInfo course =
        content.course(courseId).orElseThrow(() -> DomainException.notFound("course-not-found"));
    try {
      boolean enrolled = learning.enrol(ctx.viewer().id(), courseId);
      Flash.success(flash, enrolled ? "learning.enrol.done" : "learning.enrol.already");
    } catch (DomainException e) {
      if (e.status() != HttpStatus.FORBIDDEN) {
        throw e;
      }
      Flash.error(flash, "problem." + e.code());
    }
    return "redirect:" + course.path();
  }

  @PostMapping("/learning/lessons/{lessonId}/complete")
  ModelAndView complete(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID lessonId,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      RedirectAttributes flash,
      HttpServletResponse response) {
    LessonCompletion done = learning.complete(ctx.viewer().id(), lessonId);
    if ("true".equals(htmx)) {
      return fragment(ctx, done, response);
    }
    if (done.courseCompleted()) {
      Flash.success(flash, "learning.course.completed.flash");
      return new ModelAndView("redirect:" + done.certificatePath());
    }
    Flash.success(flash, "learning.lesson.completed-flash");
    return new ModelAndView("redirect:" + done.lessonPath());
  }

  @PostMapping("/learning/lessons/{lessonId}/uncomplete")
  ModelAndView uncomplete(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID lessonId,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletResponse response) {
    LessonCompletion done = learning.uncomplete(ctx.viewer().id(), lessonId);
    if ("true".equals(htmx)) {
      return fragment(ctx, done, response);
    }
    return new ModelAndView("redirect:" + done.lessonPath());
  }

  /**
   * Where the player stopped. Sent by {@code /js/player.js} every 15 s while playing and on pause,
   * end and leaving the page; answers 204 (403 for a lesson the learner may not open).
   */
  @PostMapping("/learning/lessons/{lessonId}/position")
  ResponseEntity<Void> position(
      @ModelAttribute("ctx") Ctx ctx,
      @PathVariable UUID lessonId,
      @RequestParam(name = "seconds", required = false) String seconds) {
    learning.savePosition(ctx.viewer().id(), lessonId, seconds(seconds));
    return ResponseEntity.noContent().build();
  }

  /** Whole seconds from what a player reports ({@code 93.4} is 93); null when not a number. */
  static Integer seconds(String text) {
    if (text == null || text.isBlank() || text.length() > 20) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.strip());
      return value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
          ? Integer.MAX_VALUE
          : value.intValue();
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /**
   * The button's new state; the {@code learning-progress} event lets the page refresh what else
   * shows progress (the lesson page's outline).
   */
  private static ModelAndView fragment(
      Ctx ctx, LessonCompletion done, HttpServletResponse response) {
    response.setHeader("HX-Trigger", "learning-progress");
    ModelAndView mav = new ModelAndView("learning/lesson-complete");
    mav.addObject("ctx", ctx);
    mav.addObject("lessonId", done.lessonId());
    mav.addObject("completed", done.completed());
    mav.addObject("percent", done.percent());
    mav.addObject("certificateCode", done.certificateCode());
    mav.addObject("courseCompleted", done.courseCompleted());
    return mav;
  }
}
