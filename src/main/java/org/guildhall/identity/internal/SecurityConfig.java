package org.guildhall.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Map;
import java.util.function.Supplier;
import org.guildhall.platform.web.ViewerLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/**
 * Web security. Two chains: the JSON API ({@code /api/**}: session cookie or personal access token,
 * problem+json on 401/403) and the pages (form sign-in, remember-me, CSRF on every form). Both send
 * a strict Content-Security-Policy without inline scripts.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    // Argon2id for new hashes; bcrypt hashes (e.g. imported) still verify and are upgraded on
    // change.
    return new DelegatingPasswordEncoder(
        "argon2",
        Map.of(
            "argon2",
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt",
            new BCryptPasswordEncoder()));
  }

  /**
   * Password sign-in. The "suspended" answer is given only after the password was right, so that a
   * wrong guess cannot tell whether an account exists or is suspended.
   */
  @Bean
  DaoAuthenticationProvider authenticationProvider(
      AccountUserDetailsService accounts, PasswordEncoder passwordEncoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(passwordEncoder);
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(
        user -> {
          if (!user.isAccountNonLocked()) {
            throw new LockedException("Account suspended");
          }
        });
    return provider;
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(
        """
        ROLE_OWNER > ROLE_MODERATOR
        ROLE_OWNER > ROLE_EXPERT
        ROLE_MODERATOR > ROLE_VOLUNTEER
        ROLE_VOLUNTEER > ROLE_MEMBER
        ROLE_EXPERT > ROLE_MEMBER
        """);
  }

  @Bean
  SpringSessionRememberMeServices rememberMeServices() {
    SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
    services.setRememberMeParameterName("remember-me");
    services.setValiditySeconds(30 * 24 * 3600);
    return services;
  }

  /**
   * CSRF tokens live in a cookie rather than the session, so that an anonymous visitor's page view
   * (which renders a token for htmx) does not create a session row in the database.
   */
  @Bean
  CsrfTokens csrfTokenRepository(
      @org.springframework.beans.factory.annotation.Value(
              "${guildhall.security.secure-cookies:false}")
          boolean secure) {
    return new CsrfTokens(secure);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      CsrfTokens csrfTokens,
      AccessTokenService accessTokens,
      ViewerLookup viewers,
      ApiAuthenticationEntryPoint entryPoint)
      throws Exception {
    AccessTokenFilter accessTokenFilter = new AccessTokenFilter(accessTokens, entryPoint);
    ActiveAccountFilter activeAccountFilter = new ActiveAccountFilter(viewers, entryPoint);
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("OWNER")
                    // the media library and authoring: experts (their own) and the owner
                    .requestMatchers(
                        "/api/v1/media", "/api/v1/media/**", "/api/v1/studio", "/api/v1/studio/**")
                    .hasRole("EXPERT")
                    .requestMatchers(HttpMethod.POST, "/api/v1/accounts")
                    .permitAll()
                    // payment providers: every notification is verified by its signature
                    .requestMatchers(HttpMethod.POST, "/api/v1/payments/notify/*")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/members/**",
                        "/api/v1/tiers/**",
                        "/api/v1/tiers",
                        "/api/v1/quotes",
                        "/api/v1/catalog",
                        "/api/v1/categories",
                        "/api/v1/items/**",
                        "/api/v1/courses/**",
                        "/api/v1/certificates/*",
                        "/api/v1/search")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        // CSRF protects cookie-authenticated browsers; a request that carries no session cookie
        // (token clients, anonymous registration) cannot be forged through a victim's browser.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(CsrfTokens.requestHandler())
                    .ignoringRequestMatchers(SecurityConfig::withoutSessionCookie))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        .headers(SecurityConfig::headers)
        .addFilterBefore(accessTokenFilter, BasicAuthenticationFilter.class)
        .addFilterBefore(activeAccountFilter, AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http,
      CsrfTokens csrfTokens,
      LoginThrottle throttle,
      SignInHandlers signInHandlers,
      ViewerLookup viewers,
      HtmxAwareEntryPoint entryPoint,
      PageAccessDeniedHandler accessDenied,
      SpringSessionRememberMeServices rememberMe)
      throws Exception {
    LoginThrottleFilter loginThrottleFilter = new LoginThrottleFilter(throttle);
    ActiveAccountFilter activeAccountFilter = new ActiveAccountFilter(viewers, entryPoint);
    http.csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(CsrfTokens.requestHandler()))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/admin", "/admin/**")
                    .hasRole("OWNER")
                    .requestMatchers("/studio/review", "/studio/review/**")
                    .hasRole("OWNER")
                    .requestMatchers("/studio", "/studio/**")
                    .hasRole("EXPERT")
                    .requestMatchers(
                        "/settings",
                        "/settings/**",
                        "/me",
                        "/verify/resend",
                        "/membership/**",
                        "/learning",
                        "/learning/**",
                        "/checkout",
                        "/orders/**",
                        "/redeem")
                    .authenticated()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .access(SecurityConfig.loopbackOrOwner())
                    // media: images are public; other media need a signed link, checked there
                    .requestMatchers(HttpMethod.GET, "/media/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/media/**")
                    .permitAll()
                    .anyRequest()
                    .permitAll())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(signInHandlers)
                    .failureHandler(signInHandlers)
                    .permitAll())
        .rememberMe(rm -> rm.rememberMeServices(rememberMe))
        .logout(out -> out.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .headers(SecurityConfig::headers)
        .addFilterBefore(loginThrottleFilter, UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(activeAccountFilter, AuthorizationFilter.class);
    return http.build();
  }

  private static void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
        .referrerPolicy(
            ref ->
                ref.policy(
                    ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .frameOptions(frame -> frame.deny());
  }

  static boolean withoutSessionCookie(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")) {
      return true;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return true;
    }
    for (Cookie cookie : cookies) {
      if ("GUILDHALL_SESSION".equals(cookie.getName())) {
        return false;
      }
    }
    return true;
  }

  /** Metrics are for the operator: from the machine itself (a scraper, a sidecar) or the owner. */
  private static AuthorizationManager<RequestAuthorizationContext> loopbackOrOwner() {
    return new AuthorizationManager<>() {
      @Override
      public AuthorizationResult authorize(
          Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (isLoopback(context.getRequest())) {
          return new AuthorizationDecision(true);
        }
        Authentication auth = authentication.get();
        boolean owner =
            auth != null
                && auth.getAuthorities().stream()
                    .anyMatch(a -> "ROLE_OWNER".equals(a.getAuthority()));
        return new AuthorizationDecision(owner);
      }
    };
  }

  private static boolean isLoopback(HttpServletRequest request) {
    try {
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }

  static RequestMatcher signInPost() {
    return request ->
        "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
  }
}
