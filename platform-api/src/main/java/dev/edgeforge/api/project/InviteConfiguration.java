package dev.edgeforge.api.project;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link InviteProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InviteProperties.class)
class InviteConfiguration {}
