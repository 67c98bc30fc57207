package dev.edgeforge.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The all-in-one EdgeForge server: REST API, browser UI and, in the embedded default, the workers. */
@SpringBootApplication
public class EdgeForgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(EdgeForgeApplication.class, args);
    }
}
