package org.guildhall.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.guildhall.identity.Role;
import org.guildhall.platform.demo.DemoMode;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo people for every role, seeded once into an empty account table when the demo is enabled. All
 * share the password documented in the README, hashed once.
 *
 * <p>Seeded when the application has started (the web server already answers), first among the demo
 * seeders: the demo tiers' memberships and the demo content name these people. A first start thus
 * serves its home page before the accounts exist, which takes a few seconds off it.
 */
@Component
class DemoAccounts implements SmartInitializingSingleton {

  static final String PASSWORD = "guildhall-demo";

  record Person(String email, String name, String handle, Set<Role> roles, String language) {}

  static final List<Person> PEOPLE =
      List.of(
          new Person("owner@guildhall.demo", "林知远", "owner", EnumSet.of(Role.OWNER), "zh-CN"),
          new Person(
              "expert@guildhall.demo", "陈思齐老师", "chen-siqi", EnumSet.of(Role.EXPERT), "zh-CN"),
          new Person(
              "moderator@guildhall.demo", "Wang Lei", "wang-lei", EnumSet.of(Role.MODERATOR), "en"),
          new Person(
              "volunteer@guildhall.demo",
              "赵小雨",
              "zhao-xiaoyu",
              EnumSet.of(Role.VOLUNTEER),
              "zh-CN"),
          new Person("premium@guildhall.demo", "李明", "li-ming", EnumSet.of(Role.MEMBER), "zh-CN"),
          new Person("basic@guildhall.demo", "Emma Zhang", "emma", EnumSet.of(Role.MEMBER), "en"),
          new Person(
              "free@guildhall.demo", "周小白", "zhou-xiaobai", EnumSet.of(Role.MEMBER), "zh-CN"));

  private final DemoMode demo;
  private final AccountRepository accounts;
  private final AccountService service;
  private final PasswordEncoder passwordEncoder;
  private final JdbcClient jdbc;

  DemoAccounts(
      DemoMode demo,
      AccountRepository accounts,
      AccountService service,
      PasswordEncoder passwordEncoder,
      JdbcClient jdbc) {
    this.demo = demo;
    this.accounts = accounts;
    this.service = service;
    this.passwordEncoder = passwordEncoder;
    this.jdbc = jdbc;
  }

  /**
   * Before the server opens: a first start says at once that the demo is on its way, so that its
   * first page does not look like an empty community (SQL, not the repository, which waits for the
   * JPA layer still starting in the background).
   */
  @Override
  public void afterSingletonsInstantiated() {
    if (demo.enabled()
        && jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() == 0) {
      demo.seedingStarted();
    }
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void seed() {
    if (!demo.enabled() || accounts.count() > 0) {
      return;
    }
    demo.seedingStarted();
    String hash = passwordEncoder.encode(PASSWORD);
    for (Person p : PEOPLE) {
      service.provisionHashed(p.email(), hash, p.name(), p.handle(), p.roles(), p.language());
    }
  }
}
