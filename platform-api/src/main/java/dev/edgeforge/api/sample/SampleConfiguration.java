package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.ProblemResponseWriter;
import dev.edgeforge.api.web.ProjectNavItem;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Upload limits, the multipart settings that follow from them, and the sidebar entry of the data pages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatasetProperties.class)
class SampleConfiguration {

    /** Sidebar key of the data acquisition pages. */
    static final String NAV_KEY = "data";

    /** Parts up to this size stay in memory; larger ones go to the upload directory. */
    private static final int IN_MEMORY_PART_BYTES = 64 * 1024;

    /** Ahead of Spring Security's filters (order -100), which may read multipart parameters. */
    private static final int UPLOAD_SIZE_FILTER_ORDER = -110;

    @Bean
    ProjectNavItem dataNavItem() {
        return new ProjectNavItem(NAV_KEY, "Data acquisition", 20, "/data");
    }

    /**
     * The servlet container's multipart limits, from {@code edgeforge.datasets.*} rather than
     * {@code spring.servlet.multipart.*}, so that one setting governs every way in. Replaces Spring Boot's default.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(DatasetProperties properties, UploadSpooler spooler) {
        return new MultipartConfigElement(
                spooler.directory().toString(),
                properties.maxUploadBytes().toBytes(),
                properties.maxRequestBytes().toBytes(),
                IN_MEMORY_PART_BYTES);
    }

    @Bean
    UploadPartCountCustomizer uploadPartCountCustomizer(DatasetProperties properties) {
        return new UploadPartCountCustomizer(properties);
    }

    @Bean
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(
            DatasetProperties properties, ProblemResponseWriter problems) {
        FilterRegistrationBean<UploadSizeFilter> registration =
                new FilterRegistrationBean<>(new UploadSizeFilter(properties, problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(UPLOAD_SIZE_FILTER_ORDER);
        return registration;
    }
}
