package io.github.twitterlogin.service;

import io.vertx.core.Deployable;
import java.util.function.IntSupplier;

/**
 * What a process deploys for its {@code gateway} role: the gateway itself, or a web app of your
 * own built on {@code TwitterAuthHandler}; {@code actualPort} tells, once deployed, the port it
 * took (on {@code HTTP_PORT=0}).
 */
public record WebApp(Deployable verticle, IntSupplier actualPort) {
}
