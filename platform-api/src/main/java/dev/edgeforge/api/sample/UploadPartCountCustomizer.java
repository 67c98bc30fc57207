package dev.edgeforge.api.sample;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Lets Tomcat accept as many multipart parts as {@code edgeforge.datasets.max-files-per-request} allows (Tomcat's
 * own default, {@code server.tomcat.max-part-count}, is 50; Edge Impulse clients send up to 1000 files). Runs after
 * Spring Boot's customizer and only ever raises the limit.
 */
final class UploadPartCountCustomizer
        implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    /** Room for the form fields sent beside the files (label, category, ...). */
    private static final int FIELD_PARTS = 32;

    private final int maxParts;

    UploadPartCountCustomizer(DatasetProperties properties) {
        this.maxParts = properties.maxFilesPerRequest() + FIELD_PARTS;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(
                connector -> connector.setMaxPartCount(Math.max(connector.getMaxPartCount(), maxParts)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
