package org.ipc.bench.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole peer: Spring Boot starts, Camunda's starter builds the process engine on the configured DataSource,
 * publishes its REST API under {@code /engine-rest} and deploys {@code case-intake.bpmn} from the classpath.
 * Everything that is not Camunda's default is in {@code application.properties}.
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
