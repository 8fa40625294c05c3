package org.guildhall.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts SQL statements prepared by request-handling threads (not by scheduled jobs or event
 * listeners), so tests can assert that a page runs a fixed number of queries whatever the size of
 * its data (no N+1).
 */
public class SqlCounter implements BeanPostProcessor {

  private final AtomicInteger count = new AtomicInteger();
  private final java.util.Queue<String> statements =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  public void reset() {
    count.set(0);
    statements.clear();
  }

  /** The statements counted since the last reset (for failure messages). */
  public java.util.List<String> statements() {
    return java.util.List.copyOf(statements);
  }

  public int count() {
    return count.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
      return Proxy.newProxyInstance(
          getClass().getClassLoader(),
          new Class<?>[] {DataSource.class},
          (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            if (result instanceof Connection connection) {
              return countingConnection(connection);
            }
            return result;
          });
    }
    return bean;
  }

  private Connection countingConnection(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if ((name.equals("prepareStatement")
                      || name.equals("prepareCall")
                      || name.equals("createStatement"))
                  && isRequestThread()) {
                count.incrementAndGet();
                statements.add(args != null && args.length > 0 ? String.valueOf(args[0]) : name);
              }
              return invoke(connection, method, args);
            });
  }

  private static boolean isRequestThread() {
    String thread = Thread.currentThread().getName();
    return thread.startsWith("http-") || thread.startsWith("tomcat-");
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
