package org.guildhall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Guildhall: a self-hostable platform for paid knowledge communities. */
@SpringBootApplication
@EnableScheduling
public class GuildhallApplication {

  public static void main(String[] args) {
    SpringApplication.run(GuildhallApplication.class, args);
  }
}
