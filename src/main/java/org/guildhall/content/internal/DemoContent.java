package org.guildhall.content.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.content.MediaApi;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.PublicProfile;
import org.guildhall.platform.demo.DemoMode;
import org.guildhall.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo community's content, from the reference case study: three courses — a famous-teacher
 * lecture series (名师讲座, sold, included in Premium), a hands-on project (实战项目, Premium) and career
 * guidance (职业指导, Basic) — with real audio and video made at seed time ({@link DemoMediaFiles}: MP3
 * and H.264 MP4, in pure Java), free preview lessons and a drip lesson; a public column and a
 * member-only column; articles in Chinese and English; a podcast episode, a video and a live
 * replay; one article scheduled three days ahead, which Premium (seven days' early access) already
 * sees. Everything goes through the authoring service and the media library, as an author's work
 * would. Seeded once, when the demo is on and there is no content.
 */
@Component
class DemoContent {

  private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
  private static final int BASIC = 1;
  private static final int PREMIUM = 2;

  private final DemoMode demo;
  private final ContentEditor editor;
  private final MediaApi media;
  private final IdentityApi identity;
  private final JdbcClient jdbc;
  private final Clock clock;
  private byte[] projectVideo;

  DemoContent(
      DemoMode demo,
      ContentEditor editor,
      MediaApi media,
      IdentityApi identity,
      JdbcClient jdbc,
      Clock clock) {
    this.demo = demo;
    this.editor = editor;
    this.media = media;
    this.identity = identity;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener(ApplicationStartedEvent.class)
  void seed() {
    if (!demo.enabled()
        || jdbc.sql("SELECT COUNT(*) FROM content_item").query(Long.class).single() > 0) {
      return;
    }
    UUID owner = account("owner");
    UUID expert = account("chen-siqi");
    if (owner == null || expert == null) {
      return;
    }
    demo.seedingStarted();
    categories();
    courses(owner, expert);
    columnsAndArticles(owner, expert);
    mediaItems(owner, expert);
    log.info("Demo content seeded");
  }

  private void categories() {
    String[][] rows = {
      {"lectures", "Lecture series", "名师讲座"},
      {"projects", "Hands-on projects", "实战项目"},
      {"career", "Career guidance", "职业指导"},
      {"community", "Community building", "社群运营"}
    };
    for (int i = 0; i < rows.length; i++) {
      jdbc.sql(
              "INSERT INTO content_category (id, slug, name_en, name_zh, position) VALUES (?, ?,"
                  + " ?, ?, ?)")
          .params(UUID.randomUUID(), rows[i][0], rows[i][1], rows[i][2], i)
          .update();
    }
  }

  private void courses(UUID owner, UUID expert) {
    UUID introZh =
        upload(expert, "lecture-intro.mp3", DemoMediaFiles.melody(12, 262, 330, 392, 523));
    UUID introEn =
        upload(expert, "lecture-intro-en.mp3", DemoMediaFiles.melody(9, 392, 330, 294, 262));
    UUID project = upload(expert, "project-demo.mp4", projectVideo());
    UUID career =
        upload(owner, "career-talk.mp3", DemoMediaFiles.melody(15, 220, 262, 294, 330, 392));

    // 名师讲座: sold at ¥199, included for Premium; a preview lecture and a drip lecture.
    UUID lecture =
        course(
            expert,
            owner,
            "lecture-community-growth",
            "名师讲座：知识付费社群的增长与留存",
            "陈思齐老师的六讲系列：从定位、定价到留存，拆解一个知识付费社群如何从 0 长到 10000 名会员。",
            "lectures",
            List.of("社群运营", "增长", "留存"),
            ContentAccess.PURCHASE,
            PREMIUM,
            Money.of(19900, "CNY"),
            """
            这是一门为社群主理人、知识博主和培训机构运营者准备的系列讲座。

            - 六讲内容，每讲 15–25 分钟，配讲义；
            - 第一讲免费试听；
            - 完成全部课时即可获得结业证书。
            """);
    UUID s1 = editor.addSection(lecture, "第一讲 认识知识付费", expert);
    lesson(
        expert,
        lecture,
        s1,
        "开篇：为什么是社群",
        LessonKind.AUDIO,
        introZh,
        12,
        true,
        0,
        "本讲介绍知识付费从“卖内容”到“卖关系”的转变，以及社群在其中扮演的角色。\n\n> 会员续费，是因为他在这里找到了同伴。");
    lesson(
        expert,
        lecture,
        s1,
        "Opening (English edition)",
        LessonKind.AUDIO,
        introEn,
        9,
        false,
        0,
        "The English edition of the opening lecture: why paid communities outlast paid courses.");
    lesson(
        expert,
        lecture,
        s1,
        "定位：你的会员是谁",
        LessonKind.TEXT,
        null,
        null,
        false,
        0,
        "## 三个问题\n\n1. 他为什么来？\n2. 他想在一年后成为什么样的人？\n3. 他愿意为此投入多少时间？\n\n把答案写下来，贴在你每天能看到的地方。");
    UUID s2 = editor.addSection(lecture, "第二讲 留存的秘密", expert);
    lesson(
        expert,
        lecture,
        s2,
        "首周路径设计",
        LessonKind.TEXT,
        null,
        null,
        false,
        0,
        "新会员的第一周决定了他是否会留下。本讲给出一份可以直接使用的首周路径模板。");
    lesson(
        expert,
        lecture,
        s2,
        "节奏：按周解锁的力量",
        LessonKind.TEXT,
        null,
        null,
        false,
        3,
        "报名三天后解锁。本讲讨论内容节奏如何制造期待，以及如何避免“收藏即遗忘”。");
    lesson(
        expert,
        lecture,
        s2,
        "倾听要离开的人",
        LessonKind.TEXT,
        null,
        null,
        false,
        7,
        "报名七天后解锁。设计取消原因调查，并把反馈变成产品改进。");

    // 实战项目: for Premium members; a free preview video; no drip, so it can be finished in a day.
    UUID build =
        course(
            expert,
            owner,
            "project-build-a-paid-community",
            "实战项目：从零搭建你的第一个付费社群",
            "跟着四节课，用一个周末完成会员等级、定价、欢迎流程和第一场直播的搭建。",
            "projects",
            List.of("实战", "社群运营"),
            ContentAccess.MEMBERS,
            PREMIUM,
            null,
            "一门动手的项目课：每节课结束时，你都会完成社群的一个真实部分。适合准备上线第一个付费社群的你。");
    UUID b1 = editor.addSection(build, "准备", expert);
    lesson(
        expert,
        build,
        b1,
        "项目演示：我们要做什么",
        LessonKind.VIDEO,
        project,
        10,
        true,
        0,
        "先看一遍成品：会员等级、欢迎流程、第一场直播。试看课，所有人都可以观看。");
    lesson(
        expert,
        build,
        b1,
        "设计会员等级与价格",
        LessonKind.TEXT,
        null,
        null,
        false,
        0,
        "免费、基础、高级三档；年付比月付便宜约 30%；高级会员提供 3 天免费试用。\n\n| 等级 | 月付 | 年付 |\n|---|---|---|\n| 基础 | ¥12 | ¥99 |\n| 高级 | ¥35 | ¥299 |");
    UUID b2 = editor.addSection(build, "上线", expert);
    lesson(
        expert,
        build,
        b2,
        "搭建欢迎流程",
        LessonKind.TEXT,
        null,
        null,
        false,
        0,
        "欢迎信、入门课、自我介绍帖、志愿者回复——四步完成首周路径。");
    lesson(
        expert,
        build,
        b2,
        "举办第一场直播",
        LessonKind.TEXT,
        null,
        null,
        false,
        0,
        "选题、预约、提醒、回放：一场直播的完整清单。完成本课即可领取结业证书。");

    // 职业指导: for Basic members and above; an audio preview and a drip lesson.
    UUID guide =
        course(
            owner,
            owner,
            "career-first-job",
            "职业指导：规划你的第一份工作",
            "从自我评估到作品集，再到面试复盘，帮你找到第一份真正适合的工作。",
            "career",
            List.of("职业", "求职"),
            ContentAccess.MEMBERS,
            BASIC,
            null,
            "基础会员及以上可学习。每周解锁一节，配合讨论区的作业互评。");
    UUID g1 = editor.addSection(guide, "认识自己", owner);
    lesson(
        owner, guide, g1, "职业指导预告", LessonKind.AUDIO, career, 15, true, 0, "先听一段预告，了解这门课会带你做什么。");
    lesson(
        owner,
        guide,
        g1,
        "自我评估的三张表",
        LessonKind.TEXT,
        null,
        null,
        false,
        0,
        "兴趣、能力、价值观：用三张表找到你的方向。");
    UUID g2 = editor.addSection(guide, "准备作品集", owner);
    lesson(
        owner, guide, g2, "作品集的结构", LessonKind.TEXT, null, null, false, 7, "报名一周后解锁：一份好作品集的五个部分。");
  }

  private void columnsAndArticles(UUID owner, UUID expert) {
    UUID notes =
        create(
            owner,
            ContentKind.COLUMN,
            draft(
                "ops-notes",
                "运营笔记",
                "zh-CN",
                "社群运营的一线经验，每周更新。",
                "站长林知远的运营手记：留存、活动、志愿者与数据。",
                "community",
                List.of("社群运营"),
                null,
                null,
                ContentAccess.PUBLIC,
                0,
                null));
    publish(notes, owner);
    UUID sticky =
        create(
            owner,
            ContentKind.ARTICLE,
            draft(
                "sticky-paid-community",
                "如何打造高粘性知识付费社群",
                "zh-CN",
                "首周路径、内容节奏、积分和倾听：让会员留下来的五件事。",
                text("sticky-community.md"),
                "community",
                List.of("社群运营", "留存"),
                notes,
                null,
                ContentAccess.PUBLIC,
                0,
                null));
    publish(sticky, owner);
    UUID rituals =
        create(
            owner,
            ContentKind.ARTICLE,
            draft(
                "five-rituals",
                "Five rituals that keep members coming back",
                "en",
                "Small, repeated moments make a community last.",
                text("rituals.md"),
                "community",
                List.of("community", "retention"),
                notes,
                null,
                ContentAccess.PUBLIC,
                0,
                null));
    publish(rituals, owner);

    UUID lab =
        create(
            expert,
            ContentKind.COLUMN,
            draft(
                "growth-lab",
                "会员专栏：增长实验室",
                "zh-CN",
                "基础会员及以上可读的增长实验复盘。",
                "每月两篇增长实验复盘，附数据和模板。基础会员及以上可读。",
                "community",
                List.of("增长"),
                null,
                null,
                ContentAccess.MEMBERS,
                BASIC,
                null));
    publish(lab, owner);
    UUID funnel =
        create(
            expert,
            ContentKind.ARTICLE,
            draft(
                "funnel-weekly",
                "每周看一次漏斗",
                "zh-CN",
                "五个数字，告诉你哪里最值得改。",
                "访问、试看、下单、支付、首课完成——每周一记录这五个数字。\n\n<!--more-->\n\n坚持一个月，你就知道问题出在哪里。把数字画成折线图，比任何报表都直观。",
                "community",
                List.of("增长", "数据"),
                lab,
                null,
                ContentAccess.PUBLIC,
                0,
                null));
    publish(funnel, owner);
    UUID pricing =
        create(
            expert,
            ContentKind.ARTICLE,
            draft(
                "pricing-first-cohort",
                "Pricing your first cohort",
                "en",
                "Anchor, compare, and let members choose.",
                "Start with the yearly price and show the monthly one next to it.\n\n<!--more-->\n\nAnchor the member price against the list price, keep offers honest, and let the numbers speak.",
                "community",
                List.of("pricing"),
                lab,
                null,
                ContentAccess.PUBLIC,
                0,
                null));
    publish(pricing, owner);

    UUID details =
        create(
            expert,
            ContentKind.ARTICLE,
            draft(
                "conversion-details",
                "付费转化的十个细节",
                "zh-CN",
                "试看、价格、倒计时、支付、拼团……转化率就藏在这些不起眼的地方。",
                text("conversion-details.md"),
                "community",
                List.of("增长", "转化"),
                null,
                null,
                ContentAccess.MEMBERS,
                PREMIUM,
                null));
    publish(details, owner);

    UUID upcoming =
        create(
            expert,
            ContentKind.ARTICLE,
            draft(
                "2027-plan",
                "2027 年社群运营路线图",
                "zh-CN",
                "明年我们会做什么：高级会员抢先看。",
                "明年的三件大事：线下沙龙走进五个城市、会员投稿计划、导师一对一。\n\n<!--more-->\n\n高级会员提前七天看到新内容。",
                "community",
                List.of("社群运营"),
                null,
                null,
                ContentAccess.PUBLIC,
                0,
                null));
    editor.approve(upcoming, clock.instant().plus(Duration.ofDays(3)), owner);
  }

  private void mediaItems(UUID owner, UUID expert) {
    UUID podcast =
        upload(owner, "podcast-episode-1.mp3", DemoMediaFiles.melody(13, 330, 392, 440, 392, 330));
    UUID video = upload(expert, "hands-on-demo.mp4", projectVideo());
    UUID replay =
        upload(
            owner,
            "live-qa-november.mp4",
            DemoMediaFiles.titleCard(
                "Live replay", "Members' Q&A \u00b7 November", new Color(225, 29, 72), 10));
    UUID episode =
        create(
            owner,
            ContentKind.AUDIO,
            timed(
                draft(
                    "podcast-episode-1",
                    "Community podcast, episode 1",
                    "en",
                    "Thirteen minutes — well, thirteen seconds — on why members stay.",
                    "Show notes: the first week, the weekly rhythm, and listening to those who leave.",
                    "community",
                    List.of("podcast"),
                    null,
                    podcast,
                    ContentAccess.PUBLIC,
                    0,
                    null),
                13));
    publish(episode, owner);
    UUID demoVideo =
        create(
            expert,
            ContentKind.VIDEO,
            timed(
                draft(
                    "hands-on-demo",
                    "实战演示：十分钟看懂欢迎流程",
                    "zh-CN",
                    "基础会员可看的演示视频。",
                    "视频中演示了欢迎信、入门课和自我介绍帖的完整流程。",
                    "projects",
                    List.of("实战"),
                    null,
                    video,
                    ContentAccess.MEMBERS,
                    BASIC,
                    null),
                10));
    publish(demoVideo, owner);
    UUID live =
        create(
            owner,
            ContentKind.REPLAY,
            timed(
                draft(
                    "live-qa-november",
                    "直播回放：十一月会员答疑",
                    "zh-CN",
                    "本月会员问答的完整回放。",
                    "本期回答了会员最关心的三个问题：如何定价、如何找到第一批会员、如何安排更新节奏。",
                    "community",
                    List.of("直播"),
                    null,
                    replay,
                    ContentAccess.MEMBERS,
                    BASIC,
                    null),
                10));
    publish(live, owner);
  }

  private UUID course(
      UUID author,
      UUID owner,
      String slug,
      String title,
      String excerpt,
      String category,
      List<String> tags,
      ContentAccess access,
      int rank,
      Money price,
      String body) {
    UUID id =
        create(
            author,
            ContentKind.COURSE,
            draft(
                slug, title, "zh-CN", excerpt, body, category, tags, null, null, access, rank,
                price));
    publish(id, owner);
    return id;
  }

  private void lesson(
      UUID author,
      UUID course,
      UUID section,
      String title,
      LessonKind kind,
      UUID mediaId,
      Integer seconds,
      boolean preview,
      int dripDays,
      String body) {
    editor.addLesson(
        course,
        section,
        new LessonDraft(title, kind, body, mediaId, seconds, preview, dripDays, List.of()),
        author);
  }

  private static ItemDraft draft(
      String slug,
      String title,
      String lang,
      String excerpt,
      String body,
      String category,
      List<String> tags,
      UUID columnId,
      UUID mediaId,
      ContentAccess access,
      int rank,
      Money price) {
    return new ItemDraft(
        title, slug, lang, excerpt, body, category, tags, columnId, null, mediaId, null, access,
        rank, price);
  }

  private static ItemDraft timed(ItemDraft d, int seconds) {
    return new ItemDraft(
        d.title(),
        d.slug(),
        d.lang(),
        d.excerpt(),
        d.bodyMd(),
        d.categorySlug(),
        d.tags(),
        d.columnId(),
        d.coverMediaId(),
        d.mediaId(),
        seconds,
        d.access(),
        d.minTierRank(),
        d.price());
  }

  private UUID create(UUID author, ContentKind kind, ItemDraft draft) {
    return editor.create(kind, draft, author);
  }

  private void publish(UUID itemId, UUID owner) {
    editor.approve(itemId, null, owner);
  }

  /** Stores a generated file through the media library, as an author's upload would be. */
  private UUID upload(UUID owner, String name, byte[] bytes) {
    return media.upload(owner, name, null, bytes.length, new ByteArrayInputStream(bytes)).id();
  }

  private byte[] projectVideo() {
    if (projectVideo == null) {
      projectVideo =
          DemoMediaFiles.titleCard(
              "Hands-on project",
              "Guildhall demo \u00b7 course preview",
              new Color(99, 102, 241),
              10);
    }
    return projectVideo;
  }

  private static String text(String file) {
    try (InputStream in = new ClassPathResource("demo/content/" + file).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Demo text missing: " + file, e);
    }
  }

  private UUID account(String handle) {
    return identity.profile(handle).map(PublicProfile::id).map(a -> a.value()).orElse(null);
  }
}
