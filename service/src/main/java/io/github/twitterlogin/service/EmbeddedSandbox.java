package io.github.twitterlogin.service;

import io.github.twitterlogin.sandbox.TwitterSandboxVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox of the default run. A second process started on the same machine finds the port
 * taken by the first one's sandbox, and shares it: both must talk to one sandbox, since its
 * tokens live in its memory.
 */
final class EmbeddedSandbox {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSandbox.class);
  private static final String HEALTH_PATH = "/sandbox/health";

  private EmbeddedSandbox() {
  }

  static Future<Void> deploy(Vertx vertx, JsonObject config, DeployedRoles deployed) {
    return vertx.deployVerticle(new TwitterSandboxVerticle(), new DeploymentOptions().setConfig(config))
        .onSuccess(deployed::add)
        .<Void>mapEmpty()
        .recover(failure -> isPortTaken(failure) ? shareRunningSandbox(vertx, config, failure) : Future.failedFuture(failure));
  }

  private static Future<Void> shareRunningSandbox(Vertx vertx, JsonObject config, Throwable bindFailure) {
    WebClient client = WebClient.create(vertx);
    return client.get(config.getInteger("port"), config.getString("host"), HEALTH_PATH).send()
        .onComplete(done -> client.close())
        .compose(answer -> {
          if (!isSandboxHealth(answer)) {
            return Future.failedFuture(bindFailure);
          }
          LOG.info("A sandbox already listens on {}:{}; this process uses it", config.getString("host"),
              config.getInteger("port"));
          return Future.<Void>succeededFuture();
        }, probeFailure -> Future.failedFuture(bindFailure));
  }

  private static boolean isSandboxHealth(HttpResponse<Buffer> answer) {
    try {
      return answer.statusCode() == 200 && "twitter-sandbox".equals(answer.bodyAsJsonObject().getString("service"));
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  private static boolean isPortTaken(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
